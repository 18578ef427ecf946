import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { logger } from "~/lib/logger.server";

/**
 * Pages are rendered to a string, not streamed. React 18's streaming renderer (renderToPipeableStream, 18.3.1) writes
 * its whole 2,048-byte buffer when a multi-byte character does not fit at its end, so the page gets NUL bytes in the
 * middle of Vietnamese text wherever a buffer boundary falls (an aria-label "Xem, tải v\0ề…" broke a link's name).
 * The portal defers no data (no `defer`/`<Await>`), so streaming bought nothing; renderToString is not affected.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${markup}`, { headers: responseHeaders, status: responseStatusCode });
}

/** Errors thrown by loaders and actions: logged here, never shown to users (the error boundary shows a message). */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logger.error("request failed", { err: error, method: request.method, path: new URL(request.url).pathname });
}
