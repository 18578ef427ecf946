/**
 * What a case accepts as a file (app/modules/cases/attachment-rules.ts): PDF, PNG and JPEG recognised by their bytes
 * whatever the name says, size and count limits, and file names made safe to keep and to send back.
 */
import { describe, expect, it } from "vitest";
import { ATTACHMENT_LIMITS, checkAttachments, cleanFileName, sniffMediaType } from "~/modules/cases/attachment-rules";

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);
const PDF = text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);

describe("sniffing a file's type by its bytes", () => {
  it("recognises PDF, PNG and JPEG", () => {
    expect(sniffMediaType(PDF)).toBe("application/pdf");
    expect(sniffMediaType(PNG)).toBe("image/png");
    expect(sniffMediaType(JPEG)).toBe("image/jpeg");
  });

  it("refuses anything else, including near misses and files too short to tell", () => {
    expect(sniffMediaType(text("<!doctype html><script>alert(1)</script>"))).toBeNull();
    expect(sniffMediaType(text("MZ\x90\x00"))).toBeNull(); // a Windows executable
    expect(sniffMediaType(text("%PDF"))).toBeNull(); // no dash: not a PDF header
    expect(sniffMediaType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull(); // half a PNG signature
    expect(sniffMediaType(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffMediaType(new Uint8Array())).toBeNull();
  });
});

describe("checking an upload", () => {
  it("accepts good files and keeps their sniffed type, not their name's", () => {
    const checked = checkAttachments(
      [
        { name: "bang.pdf", bytes: PDF },
        { name: "anh-chup.JPG", bytes: JPEG },
        { name: "scan.bin", bytes: PNG },
      ],
      0,
    );
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(checked.value.map((f) => f.mediaType)).toEqual(["application/pdf", "image/jpeg", "image/png"]);
  });

  it("refuses a .pdf that holds HTML, and an .exe renamed .pdf, naming the file", () => {
    expect(checkAttachments([{ name: "giay-to.pdf", bytes: text("<html><body>hi</body></html>") }], 0)).toEqual({
      ok: false,
      code: "attachment_type",
      fileName: "giay-to.pdf",
    });
    expect(checkAttachments([{ name: "setup.pdf", bytes: text("MZ\x90\x00\x03") }], 0)).toMatchObject({
      ok: false,
      code: "attachment_type",
    });
  });

  it("is all or nothing: one bad file refuses the whole upload", () => {
    const checked = checkAttachments(
      [
        { name: "a.pdf", bytes: PDF },
        { name: "b.pdf", bytes: text("not a pdf") },
      ],
      0,
    );
    expect(checked).toMatchObject({ ok: false, code: "attachment_type", fileName: "b.pdf" });
  });

  it("refuses an empty file and one over the size limit; the limit itself is fine", () => {
    expect(checkAttachments([{ name: "empty.pdf", bytes: new Uint8Array() }], 0)).toMatchObject({
      ok: false,
      code: "attachment_empty",
    });
    const atLimit = new Uint8Array(ATTACHMENT_LIMITS.maxBytes);
    atLimit.set(PDF);
    expect(checkAttachments([{ name: "big.pdf", bytes: atLimit }], 0).ok).toBe(true);
    const over = new Uint8Array(ATTACHMENT_LIMITS.maxBytes + 1);
    over.set(PDF);
    expect(checkAttachments([{ name: "big.pdf", bytes: over }], 0)).toMatchObject({
      ok: false,
      code: "attachment_too_large",
    });
  });

  it("limits the files per upload and per case", () => {
    const file = { name: "a.pdf", bytes: PDF };
    const perUpload = Array.from({ length: ATTACHMENT_LIMITS.perUpload }, () => file);
    expect(checkAttachments(perUpload, 0).ok).toBe(true);
    expect(checkAttachments([...perUpload, file], 0)).toMatchObject({ ok: false, code: "too_many_attachments" });
    expect(checkAttachments([file], ATTACHMENT_LIMITS.perCase - 1).ok).toBe(true);
    expect(checkAttachments([file], ATTACHMENT_LIMITS.perCase)).toMatchObject({
      ok: false,
      code: "too_many_attachments",
    });
  });
});

describe("cleaning file names", () => {
  it("drops the path, control characters and quotes, and keeps Vietnamese letters", () => {
    expect(cleanFileName("C:\\Users\\an\\Giấy ủy quyền.pdf")).toBe("Giấy ủy quyền.pdf");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName('bad"name\r\n.pdf')).toBe("badname.pdf");
    expect(cleanFileName("tab\there.png")).toBe("tabhere.png");
  });

  it("bounds the length and never leaves a name empty", () => {
    expect(cleanFileName(`${"a".repeat(300)}.pdf`)).toHaveLength(150);
    expect(cleanFileName("   ")).toBe("tep-dinh-kem");
    expect(cleanFileName("folder/")).toBe("tep-dinh-kem");
  });
});
