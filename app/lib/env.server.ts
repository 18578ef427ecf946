import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "must be true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

// Demo mode (seeded accounts shown on the home page, the mail outbox page) is on by default only for the embedded
// database: a server on a real PostgreSQL is taken to be a real deployment.
function isDemoMode(env: { DEMO_MODE?: boolean; DATABASE_URL?: string }): boolean {
  return env.DEMO_MODE ?? !env.DATABASE_URL;
}

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must start with postgres:// or postgresql://")
      .optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    DATA_DIR: z.string().min(1).default("./data"),
    /**
     * Where case attachments (evidence, letters of authorisation, receipts) are kept: unset, in PostgreSQL (one
     * place to back up); set, in files under this directory (a volume shared by every app process).
     */
    ATTACHMENTS_DIR: z.string().min(1).optional(),
    /**
     * The portal's public address: in every QR code, credential identifier and mailed link. Required outside demo
     * mode; demo mode defaults to http://localhost:$PORT.
     */
    PUBLIC_ORIGIN: z.string().url("must be a URL such as https://vanbang.example.vn").optional(),
    DEMO_MODE: booleanFromString.optional(),
    COOKIE_SECURE: booleanFromString.optional(),
    TRUST_PROXY: booleanFromString.default("false"),
    MAIL_TRANSPORT: z.enum(["outbox", "smtp"], { message: "must be outbox or smtp" }).default("outbox"),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Cổng văn bằng số <no-reply@vanbang.local>"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** 32 bytes, base64: seals school private keys and personal ID numbers. Demo mode generates one in DATA_DIR. */
    KEY_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 bytes in base64 (openssl rand -base64 32)")
      .optional(),
    SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
    /**
     * The public endpoints' steady budget per client address, in requests a minute (the burst is 60 or half of this,
     * whichever is larger). 0 turns the limit off: for load benchmarks only, never in a deployment.
     */
    PUBLIC_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ message: "must be a number" })
      .int()
      .min(0)
      .max(10_000_000)
      .default(120),
    /**
     * Metrics (app/server/metrics.ts, docs/operations.md): METRICS_PORT serves them on a separate listener bound to
     * METRICS_HOST (loopback unless said otherwise); METRICS_TOKEN opens GET /metrics on the public port to
     * `Authorization: Bearer <token>`. Both unset: no metrics are served.
     */
    METRICS_PORT: z.coerce.number({ message: "must be a port number" }).int().min(1).max(65535).optional(),
    METRICS_HOST: z.string().min(1).default("127.0.0.1"),
    METRICS_TOKEN: z
      .string()
      .min(16, "must be at least 16 characters (openssl rand -hex 32)")
      .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
      .optional(),
    /**
     * Server processes on one port (node:cluster), on PostgreSQL only: the embedded PGlite stays one process (a
     * warning says so and one process serves).
     */
    WEB_CONCURRENCY: z.coerce.number({ message: "must be a number of processes" }).int().min(1).max(64).default(1),
    /** Streaming replicas for public reads, comma-separated postgres:// URLs (README: "Read replicas"). */
    DATABASE_REPLICA_URLS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((u) => u.trim())
          .filter((u) => u !== ""),
      )
      .pipe(z.array(z.string().regex(/^postgres(ql)?:\/\/.+/, "each must start with postgres:// or postgresql://")))
      .default(""),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_REPLICA_URLS.length > 0 && !env.DATABASE_URL) {
      ctx.addIssue({ code: "custom", path: ["DATABASE_REPLICA_URLS"], message: "needs DATABASE_URL (the primary)" });
    }
    // A real deployment started without its address would sign QR codes that point at localhost, which no
    // verifier accepts, forever: refuse to start instead.
    if (!env.PUBLIC_ORIGIN && !isDemoMode(env)) {
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_ORIGIN"],
        message:
          "is required outside demo mode: the portal's public address, in every QR code and mailed link (e.g. https://vanbang.example.vn)",
      });
    }
    if (env.MAIL_TRANSPORT === "smtp" && !env.SMTP_URL) {
      ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required when MAIL_TRANSPORT=smtp" });
    }
    if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({ code: "custom", path: ["METRICS_PORT"], message: "must differ from PORT" });
    }
  })
  .transform((env) => {
    const publicOrigin = (env.PUBLIC_ORIGIN ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
    return {
      ...env,
      PUBLIC_ORIGIN: publicOrigin,
      DEMO_MODE: isDemoMode(env),
      COOKIE_SECURE: env.COOKIE_SECURE ?? publicOrigin.startsWith("https://"),
    };
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws an EnvError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
