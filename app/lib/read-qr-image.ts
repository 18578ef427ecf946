/**
 * Finds a QR code in a photo or in a camera frame, in the browser (canvas + jsQR). Browser-only: call it from event
 * handlers and effects, never while rendering on the server. jsQR is loaded on first use, so the verify page's
 * first paint does not wait for it.
 */
type JsQr = typeof import("jsqr").default;

let jsQrModule: Promise<JsQr> | null = null;
function loadJsQr(): Promise<JsQr> {
  jsQrModule ??= import("jsqr").then((m) => m.default);
  return jsQrModule;
}

/** Starts loading the decoder ahead of the first frame (e.g. while the camera starts). */
export function preloadQrReader(): void {
  void loadJsQr().catch(() => {
    jsQrModule = null;
  });
}

/** Photos from phones are large: jsQR needs far fewer pixels than that, and runs in time proportional to them. */
const MAX_SIDE = 1600;

export type ReadQrImageResult = { ok: true; text: string } | { ok: false; reason: "no_qr" | "unreadable" };

/** Reads the QR code in an uploaded image file. */
export async function readQrImage(file: Blob): Promise<ReadQrImageResult> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  try {
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const text = await readQrFrame(
      bitmap,
      Math.round(bitmap.width * scale),
      Math.round(bitmap.height * scale),
      "attemptBoth",
    );
    return text ? { ok: true, text } : { ok: false, reason: "no_qr" };
  } finally {
    bitmap.close();
  }
}

/** Reads a QR code in one frame of a video or image, drawn at `width`×`height`; null when none is found. */
export async function readQrFrame(
  source: CanvasImageSource,
  width: number,
  height: number,
  inversionAttempts: "dontInvert" | "attemptBoth" = "dontInvert",
): Promise<string | null> {
  const jsQR = await loadJsQr();
  if (width < 1 || height < 1) return null;
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, width, height);
  const image = context.getImageData(0, 0, width, height);
  return jsQR(image.data, width, height, { inversionAttempts })?.data ?? null;
}
