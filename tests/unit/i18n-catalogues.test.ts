/**
 * The catalogues' layout (app/lib/i18n/messages/<namespace>/{vi,en}.ts): each namespace lists its keys in both
 * languages, no key lives in two namespaces, every namespace is in the catalogues, and a browser holds only the
 * language it loaded.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi as vitest } from "vitest";
import { en } from "~/lib/i18n/catalogue.en";
import { vi } from "~/lib/i18n/catalogue.vi";

const messagesDir = fileURLToPath(new URL("../../app/lib/i18n/messages", import.meta.url));
const namespaces = readdirSync(messagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

async function namespace(name: string): Promise<{ vi: Record<string, string>; en: Record<string, string> }> {
  return {
    vi: (await import(`${messagesDir}/${name}/vi.ts`)).vi,
    en: (await import(`${messagesDir}/${name}/en.ts`)).en,
  };
}

describe("i18n catalogues", () => {
  it("have the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const catalogue of [vi, en])
      for (const [key, text] of Object.entries(catalogue)) expect(text.trim(), key).not.toBe("");
  });

  it("are made of every namespace, each key in exactly one, in both languages", async () => {
    const owner = new Map<string, string>();
    for (const name of namespaces) {
      const messages = await namespace(name);
      expect(Object.keys(messages.en).sort(), name).toEqual(Object.keys(messages.vi).sort());
      for (const key of Object.keys(messages.vi)) {
        expect(owner.get(key), `${key} is in ${owner.get(key)} and ${name}`).toBeUndefined();
        owner.set(key, name);
        expect(vi[key as keyof typeof vi]).toBe(messages.vi[key]);
        expect(en[key as keyof typeof en]).toBe(messages.en[key]);
      }
    }
    expect(owner.size).toBe(Object.keys(vi).length);
  });

  it("in the browser, hold only the language loaded before hydration", async () => {
    // Remix's browser build replaces a .server module with an empty one: its exports are undefined.
    vitest.resetModules();
    vitest.doMock("~/lib/i18n/catalogues.server", () => ({ serverCatalogues: undefined }));
    try {
      const i18n = await import("~/lib/i18n");
      const { loadCatalogue } = await import("~/lib/i18n/load-catalogue");
      expect(i18n.hasCatalogue("en")).toBe(false);
      await loadCatalogue("en");
      expect(i18n.hasCatalogue("en")).toBe(true);
      expect(i18n.hasCatalogue("vi")).toBe(false);
      expect(i18n.translate("en", "nav.signIn")).toBe("Sign in");
      expect(i18n.translate("en", "issued.sign.submit", { count: 2 })).toBe("Sign 2 diplomas");
      expect(i18n.isMessageKey("nav.signIn")).toBe(true);
      expect(i18n.isMessageKey("nav.noSuchKey")).toBe(false);
    } finally {
      vitest.doUnmock("~/lib/i18n/catalogues.server");
      vitest.resetModules();
    }
  });
});
