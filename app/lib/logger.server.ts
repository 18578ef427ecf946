/**
 * Structured logs: one JSON object per line on stdout (stderr for warnings and errors). Every line carries the
 * process id (several processes write to one journal with WEB_CONCURRENCY) and, while a request is handled, its
 * request id (the X-Request-Id the client got back), so one request's lines can be found across processes.
 */
import { currentRequestScope } from "./request-scope.server";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function threshold(): number {
  const configured = process.env.LOG_LEVEL as Level | "silent" | undefined;
  return order[configured ?? "info"] ?? order.info;
}

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (order[level] < threshold()) return;
  const requestId = currentRequestScope()?.requestId;
  const entry: Record<string, unknown> = {
    time: new Date().toISOString(),
    level,
    msg,
    pid: process.pid,
    ...(requestId ? { requestId } : {}),
    ...fields,
  };
  if (fields?.err instanceof Error) {
    entry.err = { name: fields.err.name, message: fields.err.message, stack: fields.err.stack };
  }
  const line = JSON.stringify(entry) + "\n";
  if (order[level] >= order.warn) process.stderr.write(line);
  else process.stdout.write(line);
}

export const logger = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
