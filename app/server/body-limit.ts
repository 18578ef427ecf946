/**
 * Every request body is capped before anything parses it: a form at FORM_BODY_LIMIT, an upload at its route's own
 * limit (BODY_LIMITS). Over the cap the answer is 413 `{ code: "body_too_large" }` (JSON for API and `_data`
 * requests, a short Vietnamese page otherwise) with `Connection: close`, and no more of the body is read:
 *  - a declared Content-Length over the cap is refused at once, before a byte of the body is read;
 *  - a body without one (chunked) is counted as Remix reads it (`limitedBody`), and refused as soon as the count
 *    passes the cap; nothing is buffered here.
 * The verification API (verify-api.ts, answered ahead of Express) keeps its own 64 KB cap with the same answer.
 */
import type { IncomingMessage } from "node:http";
import { Transform, type Readable } from "node:stream";
import type express from "express";
import { CASE_UPLOAD_BODY_LIMIT, CASE_UPLOAD_PATHS } from "~/modules/cases/attachment-rules";
import { DRAFT_IMPORT_LIMITS } from "~/modules/drafts/import-format";
import { PROGRAMME_CSV_LIMITS } from "~/modules/reference/programme-csv-format";

/**
 * Any form: the longest is a job posting (10,000 characters of description, up to 9 bytes each once a Vietnamese
 * letter is percent-encoded), well under this.
 */
export const FORM_BODY_LIMIT = 128 * 1024;

/** Room for the multipart framing and the form's other fields around an uploaded file. */
const MULTIPART_ROOM = 1024 * 1024;

/**
 * The upload routes and their caps: the file's own limit plus room, so that a file a little too large still
 * reaches the route, which says so in the form ("at most 5 MB"). Only these routes take files: the verify page
 * reads a QR photo in the browser and sends a credential file to the verification API.
 */
export const BODY_LIMITS: readonly { path: RegExp; bytes: number }[] = [
  // Spreadsheet import of diploma drafts (.xlsx/.csv).
  { path: /^\/school\/[^/]+\/batches\/[^/]+\/import\/?$/i, bytes: DRAFT_IMPORT_LIMITS.maxBytes + MULTIPART_ROOM },
  // The programme catalogue's CSV import.
  { path: /^\/admin\/reference\/programmes\/import\/?$/i, bytes: PROGRAMME_CSV_LIMITS.maxBytes + MULTIPART_ROOM },
  // Case attachments: up to 5 files of 5 MB (app/modules/cases/attachment-rules.ts).
  ...CASE_UPLOAD_PATHS.map((path) => ({ path, bytes: CASE_UPLOAD_BODY_LIMIT })),
];

/** The cap on the body of a request to `path`, in bytes. */
export function bodyLimitOf(path: string): number {
  return BODY_LIMITS.find((limit) => limit.path.test(path))?.bytes ?? FORM_BODY_LIMIT;
}

const BODY_LIMIT_KEY = "bodyLimit";

function hasBody(req: IncomingMessage): boolean {
  return req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
}

/** Whether the client expects JSON: API paths, Remix's `_data` fetches, an Accept or body naming JSON. */
function wantsJson(req: express.Request): boolean {
  return (
    req.path.startsWith("/api/") ||
    "_data" in req.query ||
    /application\/json/i.test(req.get("accept") ?? "") ||
    /application\/json/i.test(req.get("content-type") ?? "")
  );
}

/** How long, and for how many more bytes at most, a refused upload is read and dropped before the connection closes. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * Closes the connection once the 413 is out. Node closes it as soon as the answer is flushed, and a client still
 * sending then meets a reset, which makes it drop the 413 it has not read yet (the browser shows "connection
 * reset", an upload's XHR a network error). So, as nginx's lingering close, the rest of the body is read and
 * dropped (never kept) for a moment, at most LINGER_BYTES and LINGER_MS, before the connection is closed.
 */
function closeAfterAnswer(req: express.Request, res: express.Response): void {
  const socket = req.socket;
  res.once("finish", () => {
    // Node's own 'finish' listener ran first: it ended the socket and asked to destroy it once flushed.
    socket.off("finish", socket.destroy);
    const close = () => socket.destroy();
    const timer = setTimeout(close, LINGER_MS);
    timer.unref();
    socket.once("close", () => clearTimeout(timer));
    let dropped = 0;
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > LINGER_BYTES) close();
    });
    req.once("end", close);
    req.resume();
  });
}

/** Answers 413 and closes the connection (the rest of the body is not kept). */
export function refuseTooLarge(req: express.Request, res: express.Response): void {
  if (res.headersSent) return;
  const limit = bodyLimitOf(req.path);
  closeAfterAnswer(req, res);
  res.status(413).set({ Connection: "close", "Cache-Control": "no-store" });
  if (wantsJson(req)) {
    res.json({ code: "body_too_large", message: `The body must be at most ${limit} bytes.` });
  } else {
    res
      .type("text/html; charset=utf-8")
      .send(
        `<!doctype html><html lang="vi"><meta charset="utf-8"><title>Dữ liệu quá lớn</title>` +
          `<p>Dữ liệu gửi lên quá lớn (tối đa ${Math.ceil(limit / 1024)} KB). Vui lòng quay lại và thử lại.</p>` +
          `<p lang="en">The data sent is too large.</p></html>`,
      );
  }
}

/**
 * The middleware: refuses a declared Content-Length over the route's cap, and notes the cap for `limitedBody`
 * when the length is not declared.
 */
export function bodyLimit(): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || !hasBody(req)) return next();
    const limit = bodyLimitOf(req.path);
    const declared = req.headers["content-length"];
    if (declared !== undefined) {
      // Node's parser never hands over more than the declared length: nothing to count.
      if (Number(declared) > limit) return refuseTooLarge(req, res);
      return next();
    }
    res.locals[BODY_LIMIT_KEY] = limit;
    next();
  };
}

/**
 * The body stream to parse: `req` itself when its length was declared (and checked), else a pass-through that
 * counts and, past the cap, answers 413, calls `onRefused` (the reader aborts its work), fails the parse and stops
 * reading.
 */
export function limitedBody(req: express.Request, res: express.Response, onRefused: () => void): Readable {
  const limit = res.locals[BODY_LIMIT_KEY] as number | undefined;
  if (limit === undefined) return req;
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size <= limit) return callback(null, chunk);
      req.unpipe(counted);
      req.pause();
      refuseTooLarge(req, res);
      onRefused();
      callback(Object.assign(new Error("request body too large"), { status: 413 }));
    },
  });
  req.once("error", (error) => counted.destroy(error));
  req.once("aborted", () => counted.destroy(new Error("request aborted")));
  return req.pipe(counted);
}
