/**
 * Fonts for generated PDFs: Noto Serif and Noto Sans (full Vietnamese coverage, SIL OFL), read from the npm packages
 * in node_modules at run time, never fetched. Read once per process; pdfkit embeds only the glyphs used.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const FONT_FILES = {
  serif: "@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf",
  serifItalic: "@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf",
  serifBold: "@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf",
  sans: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  sansBold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

export type PdfFont = keyof typeof FONT_FILES;

const cache = new Map<PdfFont, Buffer>();

function fontBytes(font: PdfFont): Buffer {
  let bytes = cache.get(font);
  if (!bytes) {
    bytes = readFileSync(require.resolve(FONT_FILES[font]));
    cache.set(font, bytes);
  }
  return bytes;
}

/** Registers the fonts under their names ("serif", "serifBold", …) on a pdfkit document. */
export function registerPdfFonts(doc: PDFKit.PDFDocument, fonts: readonly PdfFont[]): void {
  for (const font of fonts) doc.registerFont(font, fontBytes(font));
}

/**
 * Options for every pdfkit text call, measuring included. Noto's `ccmp` feature splits some precomposed Vietnamese
 * letters into base and mark (ọ → o + ◌̣), and pdfkit's ToUnicode map then records the shared base glyph as "ọ", so
 * text copied or searched in the PDF reads "đàọ tạọ". With `ccmp` off each letter stays one glyph: the fonts have
 * precomposed glyphs for all of Vietnamese, and our text is NFC. (fontkit takes { feature: false } to switch a
 * default feature off; the types only know the array form.)
 */
export const TEXT_OPTIONS: PDFKit.Mixins.TextOptions = {
  features: { ccmp: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[],
};
