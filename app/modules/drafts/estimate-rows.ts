/**
 * In the browser, while an upload is being checked: about how many rows the file has, for "checking N rows…".
 * Only an estimate for the progress display (the server's count is the one that matters): a CSV's non-empty lines,
 * or the extent an XLSX's first sheet declares. Null when it cannot tell.
 */
export async function estimateRowCount(file: File): Promise<number | null> {
  try {
    if (/\.csv$/i.test(file.name)) {
      const lines = (await file.text()).split(/\r\n|\n|\r/).filter((l) => l.replace(/[,;\t\s"]/g, "") !== "");
      return Math.max(0, lines.length - 1);
    }
    if (/\.xlsx$/i.test(file.name)) return await xlsxDeclaredRows(file);
  } catch {
    // An estimate only.
  }
  return null;
}

async function xlsxDeclaredRows(file: File): Promise<number | null> {
  if (typeof DecompressionStream === "undefined") return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const view = new DataView(bytes.buffer);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let p = view.getUint32(eocd + 16, true);
  const count = view.getUint16(eocd + 10, true);
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const local = view.getUint32(p + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength));
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    if (name !== "xl/worksheets/sheet1.xml") continue;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.slice(start, start + size);
    const stream =
      method === 8
        ? new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"))
        : new Blob([data]).stream();
    // The <dimension> element comes first in a sheet: read only the beginning.
    const reader = stream.getReader();
    let head = "";
    const decoder = new TextDecoder();
    while (head.length < 65_536) {
      const { done, value } = await reader.read();
      if (done) break;
      head += decoder.decode(value, { stream: true });
      if (/<sheetData/.test(head)) break;
    }
    void reader.cancel();
    const ref = /<dimension\b[^>]*\sref="[A-Z]+\d+:[A-Z]+(\d+)"/.exec(head)?.[1];
    return ref ? Math.max(0, Number(ref) - 1) : null;
  }
  return null;
}
