import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Executor } from "~/lib/db.server";
import { fail, ok, type Result } from "~/lib/result";
import { buildSchoolLog } from "~/modules/issuance-log/get-log-document.server";
import { getIssuerDidDocument, getMinistryDidDocument } from "~/modules/keys/get-did-documents.server";
import { listAccreditedSchools } from "~/modules/keys/queries.server";
import { signTrustRegistry } from "~/modules/keys/sign-trust-registry.server";
import { renderQrPng } from "~/modules/qr/qr-image.server";
import { exportRegisterCsv } from "~/modules/register/export-register.server";
import { signStatusList } from "~/modules/status/publish-status-list.server";
import { listStatusLists, statusListSlug } from "~/modules/status/status-lists.server";
import { exportedContextPath, isStandardContext, servedContext } from "./diploma-context";
import { inReadingOrder } from "./media-types";
import { listPublishedDiplomaPage } from "./queries.server";

/**
 * `npm run export`: a static copy of everything the portal publishes, for the national diploma database, backups
 * and verifiers who work offline. Laid out like the site (`.well-known/did.json`, `issuers/{code}/did.json`), so a
 * did:web resolver pointed at the directory finds the keys; every file's SHA-256 is in `manifest.json`.
 *
 *   credentials/{id}.json, credentials/{id}.qr.png      every signed diploma (issued, revoked, suspended, superseded)
 *   issuers/{code}/did.json, status/{listId}.json, log.json, register.csv      every accredited school
 *   .well-known/did.json, trust-registry.json           the ministry's key and its signed registry
 *   contexts/diploma/v1                                 every JSON-LD context the credentials name that W3C or
 *                                                       1EdTech does not publish (ours), at its URL's path
 *   manifest.json                                       generatedAt, origin, counts, files [{ path, bytes, sha256 }]
 *
 * Schools that are not accredited are left out, as the site leaves out their DID documents; their diplomas'
 * credentials are still exported.
 */
export interface ExportManifest {
  generatedAt: string;
  origin: string;
  counts: {
    credentials: number;
    qrImages: number;
    issuers: number;
    statusLists: number;
    logEntries: number;
    registerLines: number;
    contexts: number;
  };
  files: { path: string; bytes: number; sha256: string }[];
}

export type ExportPublicDataError = "registry_unavailable" | "status_list_unavailable";

export interface ExportPublicDataOptions {
  outDir: string;
  origin: string;
  now?: Date;
  /** Progress lines (the script prints them). */
  progress?: (line: string) => void;
}

const PAGE = 500;

export async function exportPublicData(
  db: Executor,
  options: ExportPublicDataOptions,
): Promise<Result<ExportManifest, ExportPublicDataError>> {
  const now = options.now ?? new Date();
  const { origin } = options;
  const progress = options.progress ?? (() => {});
  const files: ExportManifest["files"] = [];
  const counts: ExportManifest["counts"] = {
    credentials: 0,
    qrImages: 0,
    issuers: 0,
    statusLists: 0,
    logEntries: 0,
    registerLines: 0,
    contexts: 0,
  };
  // Every @context URL the exported credentials and status lists name: the ones nobody else publishes are exported.
  const contextUrls = new Set<string>();
  const noteContexts = (document: unknown) => {
    const named = (document as { "@context"?: unknown } | null)?.["@context"];
    for (const url of Array.isArray(named) ? named : [named]) if (typeof url === "string") contextUrls.add(url);
  };

  const write = async (relative: string, content: string | Uint8Array) => {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const target = path.join(options.outDir, ...relative.split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bytes);
    files.push({ path: relative, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
  };
  const writeJson = (relative: string, value: unknown) => write(relative, `${JSON.stringify(value, null, 2)}\n`);

  // The ministry first: without its key there is no trust registry, and the export would not be verifiable.
  const [registry, ministryDid] = await Promise.all([
    signTrustRegistry(db, { origin, now }),
    getMinistryDidDocument(db, { origin }),
  ]);
  if (!registry.ok || !ministryDid) return fail("registry_unavailable");
  await mkdir(options.outDir, { recursive: true });
  await writeJson(".well-known/did.json", ministryDid);
  await writeJson("trust-registry.json", registry.value);

  for (const school of await listAccreditedSchools(db)) {
    const dir = `issuers/${school.code}`;
    const didDocument = await getIssuerDidDocument(db, { code: school.code, origin });
    if (didDocument) await writeJson(`${dir}/did.json`, didDocument);
    for (const list of await listStatusLists(db, school.id)) {
      const signed = await signStatusList(db, {
        school,
        purpose: list.purpose,
        listNumber: list.listNumber,
        origin,
        now,
      });
      if (!signed.ok) return fail("status_list_unavailable");
      await writeJson(`${dir}/status/${statusListSlug(list.purpose, list.listNumber)}.json`, signed.value);
      noteContexts(signed.value);
      counts.statusLists++;
    }
    const log = await buildSchoolLog(db, { school, origin });
    await writeJson(`${dir}/log.json`, log);
    counts.logEntries += log.entries.length;
    const csv = await exportRegisterCsv(db, { organisationId: school.id, filters: {} });
    await write(`${dir}/register.csv`, csv);
    counts.registerLines += csv.split("\r\n").length - 2; // header and the final line end
    counts.issuers++;
    progress(`issuer ${school.code}: ${log.entries.length} log entries`);
  }

  for (let after: string | null = null; ;) {
    const page = await listPublishedDiplomaPage(db, { after, limit: PAGE });
    for (const diploma of page) {
      await writeJson(`credentials/${diploma.id}.json`, inReadingOrder(diploma.credential));
      noteContexts(diploma.credential);
      counts.credentials++;
      if (diploma.qrPayload) {
        await write(`credentials/${diploma.id}.qr.png`, await renderQrPng(diploma.qrPayload));
        counts.qrImages++;
      }
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
    progress(`credentials: ${counts.credentials}`);
  }

  // Our own contexts, so that the export verifies without the portal: the bytes the portal serves (JCS), at the
  // path it serves them on. Credentials are signed against bundled contexts only, so each one is bundled.
  for (const url of [...contextUrls].filter((u) => !isStandardContext(u)).sort()) {
    const context = servedContext(url);
    if (!context) throw new Error(`bug: a credential names a context that is not bundled: ${url}`);
    await write(exportedContextPath(url), context.body);
    counts.contexts++;
  }

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: ExportManifest = { generatedAt: now.toISOString(), origin, counts, files };
  // Written last and outside its own list: it describes every other file.
  const target = path.join(options.outDir, "manifest.json");
  await writeFile(target, `${JSON.stringify(manifest, null, 2)}\n`);
  return ok(manifest);
}
