/**
 * Runs the verify page's independent check (modules/verification/check-in-browser.ts) in the browser: same-origin
 * fetches that bypass the HTTP cache for status lists (a revocation must show at once), DecompressionStream for
 * the bitstring. Browser-only: call from effects and event handlers.
 */
import { useEffect, useState } from "react";
import { gunzip } from "~/lib/gunzip";
import { TRUST_REGISTRY_PATH, verifyQrInBrowser, type BrowserVerdict } from "./check-in-browser";
import type { PinnedKey } from "./check-trust-registry";

async function fetchJson(path: string): Promise<unknown> {
  const response = await fetch(path, {
    headers: { Accept: "application/json" },
    credentials: "omit",
    // The registry may come from the HTTP cache or, offline, the service worker's copy: it is signed and dated.
    cache: path === TRUST_REGISTRY_PATH ? "default" : "no-store",
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  return response.json();
}

export function checkInBrowser(qrText: string, pinnedKeys: readonly PinnedKey[]): Promise<BrowserVerdict> {
  return verifyQrInBrowser(qrText, { fetchJson, pinnedKeys, gunzip: (bytes) => gunzip(bytes), now: new Date() });
}

export type BrowserVerdictState = BrowserVerdict | "checking" | null;

/** The browser's verdict on `qrText` (null until the script runs or when `qrText` is null). */
export function useBrowserVerdict(qrText: string | null, pinnedKeys: readonly PinnedKey[]): BrowserVerdictState {
  const [state, setState] = useState<BrowserVerdictState>(null);
  const keys = JSON.stringify(pinnedKeys); // a stable dependency: loader data is a new object on each render
  useEffect(() => {
    if (qrText === null) return setState(null);
    let cancelled = false;
    setState("checking");
    checkInBrowser(qrText, JSON.parse(keys) as PinnedKey[])
      .then((verdict) => {
        if (!cancelled) setState(verdict);
      })
      .catch(() => {
        if (!cancelled)
          setState({ verdict: "status_unknown", signature: null, problem: "registry_unavailable", school: null });
      });
    return () => {
      cancelled = true;
    };
  }, [qrText, keys]);
  return state;
}
