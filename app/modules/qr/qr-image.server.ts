/**
 * QR images of a diploma's payload URL (docs/qr-payload.md): one alphanumeric segment, error correction M, the
 * smallest version that holds it and never above 10, a 4-module quiet zone. The module matrix is exposed too
 * (for a fake camera's video frame in the e2e test, or any other renderer).
 */
import QRCode from "qrcode";
import type { QRCodeMaskPattern, QRCodeSegment } from "qrcode";
import { QR_MAX_CHARS } from "./payload";

export const QR_MAX_VERSION = 10;
export const QR_ERROR_CORRECTION = "M";
/** The quiet zone the QR standard asks for, in modules. */
export const QR_QUIET_ZONE = 4;

export type QrImageErrorCode = "not_alphanumeric" | "too_large";

/** The text cannot be drawn as the diploma's QR code: a caller's bug (the payload encoder never yields one). */
export class QrImageError extends Error {
  constructor(
    readonly code: QrImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "QrImageError";
  }
}

export interface QrMatrix {
  version: number;
  /** Modules per side, without the quiet zone (17 + 4 × version). */
  size: number;
  /** Row-major, `modules[row][col]`, true for a dark module; no quiet zone. */
  modules: boolean[][];
}

export interface QrImageOptions {
  /** Pixels per module (PNG) or user units per module (SVG); default 8. */
  scale?: number;
  /** Quiet zone in modules; default 4, never less. */
  margin?: number;
}

interface Symbol {
  segments: QRCodeSegment[];
  version: number;
  maskPattern: QRCodeMaskPattern;
  matrix: QrMatrix;
}

/** The QR symbol's modules for a payload URL. Throws QrImageError when it is not the diploma's kind of QR text. */
export function qrMatrix(text: string): QrMatrix {
  return buildSymbol(text).matrix;
}

export async function renderQrSvg(text: string, options: QrImageOptions = {}): Promise<string> {
  const symbol = buildSymbol(text);
  return QRCode.toString(symbol.segments, { ...renderOptions(symbol, options), type: "svg" });
}

export async function renderQrPng(text: string, options: QrImageOptions = {}): Promise<Buffer> {
  const symbol = buildSymbol(text);
  return QRCode.toBuffer(symbol.segments, { ...renderOptions(symbol, options), type: "png" });
}

function buildSymbol(text: string): Symbol {
  if (!/^[0-9A-Z $%*+\-./:]*$/.test(text)) {
    throw new QrImageError(
      "not_alphanumeric",
      "the QR text must use only QR alphanumeric characters (0-9 A-Z space $%*+-./:)",
    );
  }
  if (text.length > QR_MAX_CHARS) {
    throw new QrImageError(
      "too_large",
      `${text.length} characters do not fit QR version ${QR_MAX_VERSION}-M (${QR_MAX_CHARS} at most)`,
    );
  }
  const segments: QRCodeSegment[] = [{ mode: "alphanumeric", data: text }];
  const code = QRCode.create(segments, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  if (code.version > QR_MAX_VERSION || code.maskPattern === undefined) {
    throw new QrImageError(
      "too_large",
      `the text needs QR version ${code.version} at M; at most ${QR_MAX_VERSION} is allowed`,
    );
  }
  const { size, data } = code.modules;
  const modules = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => data[row * size + col] === 1),
  );
  return {
    segments,
    version: code.version,
    maskPattern: code.maskPattern,
    matrix: { version: code.version, size, modules },
  };
}

/** The renderers re-create the symbol: pinning version and mask keeps it the one qrMatrix describes. */
function renderOptions(symbol: Symbol, options: QrImageOptions) {
  return {
    errorCorrectionLevel: QR_ERROR_CORRECTION,
    version: symbol.version,
    maskPattern: symbol.maskPattern,
    margin: Math.max(QR_QUIET_ZONE, options.margin ?? QR_QUIET_ZONE),
    scale: options.scale ?? 8,
  } as const;
}
