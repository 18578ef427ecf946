import jsQR from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import {
  decodeQrPayload,
  encodeQrPayload,
  keyTagOf,
  verifyQrSignature,
  type QrPayloadInput,
} from "~/modules/qr/payload";
import { QrImageError, qrMatrix, renderQrPng, renderQrSvg } from "~/modules/qr/qr-image.server";
import { generatePrivateKey, publicKeyOf, sign } from "~/modules/signing/ed25519";

const privateKey = generatePrivateKey();
const publicKey = publicKeyOf(privateKey);

const input: QrPayloadInput = {
  schoolCode: "TCKTDN",
  keyTag: keyTagOf(publicKey),
  credentialId: "9d3c1a7e-2b4f-4e8a-8c6d-5f0e1d2c3b4a",
  serial: "TC-2024-004711",
  holderName: "Nguyễn Thị Phương Thảo Hoàng Lê Minh",
  programmeCode: "5340301",
  levelCode: "trung_cap",
  classification: "xuat_sac",
  graduationYear: 2024,
  issueDate: "2024-08-02",
  revocation: { listNumber: 2, index: 131_071 },
  suspension: { listNumber: 2, index: 7 },
};
const url = encodeQrPayload(input, (m) => sign(m, privateKey), { baseUrl: "https://vanbang.gdnn.gov.vn" });

/** Reads a PNG as a phone would: pixels → a real QR decoder (jsQR). */
function scanPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return (
    jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
      ?.data ?? null
  );
}

describe("QR images", () => {
  it("the PNG scans (jsQR) to the payload URL, which decodes and verifies", async () => {
    const png = await renderQrPng(url);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    const text = scanPng(png);
    expect(text).toBe(url);
    const decoded = decodeQrPayload(text);
    expect(decoded.ok && decoded.fields.holderName).toBe(input.holderName);
    expect(decoded.ok && verifyQrSignature(decoded, publicKey)).toBe(true);
  });

  it("still scans at 3 pixels per module", async () => {
    expect(scanPng(await renderQrPng(url, { scale: 3 }))).toBe(url);
  });

  it("is version 10 or less, alphanumeric mode, with a 4-module quiet zone", async () => {
    const matrix = qrMatrix(url);
    expect(matrix.version).toBeLessThanOrEqual(10);
    expect(matrix.size).toBe(17 + 4 * matrix.version);
    expect(matrix.modules).toHaveLength(matrix.size);
    // Finder pattern in the top-left corner: a dark 7×7 ring.
    expect(matrix.modules[0]!.slice(0, 7).every(Boolean)).toBe(true);
    expect(matrix.modules[1]![1]).toBe(false);

    const scale = 5;
    const image = PNG.sync.read(await renderQrPng(url, { scale }));
    expect(image.width).toBe((matrix.size + 8) * scale);
    const dark = (x: number, y: number) => image.data[(y * image.width + x) * 4]! < 128;
    for (let i = 0; i < 4 * scale; i++) expect(dark(i, i) || dark(i, 20 * scale) || dark(20 * scale, i)).toBe(false);
    expect(dark(4 * scale, 4 * scale)).toBe(true); // the first module after the quiet zone
  });

  it("draws the same symbol in SVG, PNG and the matrix", async () => {
    const matrix = qrMatrix(url);
    const svg = await renderQrSvg(url);
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
    expect(svg).toContain(`viewBox="0 0 ${matrix.size + 8} ${matrix.size + 8}"`);
    const scale = 4;
    const image = PNG.sync.read(await renderQrPng(url, { scale }));
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        const x = (col + 4) * scale + 1;
        const y = (row + 4) * scale + 1;
        expect(image.data[(y * image.width + x) * 4]! < 128).toBe(matrix.modules[row]![col]);
      }
    }
  });

  it("refuses text that is not alphanumeric or does not fit version 10-M, with a typed error", () => {
    expect(() => qrMatrix(url.toLowerCase())).toThrow(QrImageError);
    expect(() => qrMatrix("A".repeat(312))).toThrow(expect.objectContaining({ code: "too_large" }));
    expect(qrMatrix("A".repeat(311)).version).toBe(10); // the capacity the payload encoder plans for
    expect(qrMatrix("A".repeat(262)).version).toBe(9);
  });
});
