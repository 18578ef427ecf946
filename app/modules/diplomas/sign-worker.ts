/**
 * The signing worker thread's entry (sign-pool.server.ts starts it; scripts/build.mjs bundles it to
 * build/sign-worker.js). One task: a slice of a batch, signed by signChunk. No database, no logging.
 */
import { signChunk, type SignChunkTask } from "./sign-chunk.server";

export default function signWorkerTask(task: SignChunkTask) {
  return signChunk(task);
}
