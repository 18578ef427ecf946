import { sql } from "drizzle-orm";
import type { InferSelectModel } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./accounts";

export const KEY_STATUSES = ["active", "retired", "compromised"] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

/**
 * Ed25519 signing keys: one active key per school at a time, and the ministry's key (organisation null) that
 * signs the trust registry. Private keys are stored only encrypted (AES-256-GCM under the key-encryption key from
 * the environment); retired and compromised keys stay published so that what they signed can still be judged.
 */
export const signingKeys = pgTable(
  "signing_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    /** The DID URL fragment: did:web:{host}:issuers:{code}#{keyRef}. */
    keyRef: text("key_ref").notNull(),
    /** Multikey: base58btc multibase of 0xed01 ‖ 32-byte public key ("z6Mk…"). */
    publicKeyMultibase: text("public_key_multibase").notNull(),
    /** base64url(iv ‖ ciphertext ‖ tag) of the 32-byte private key, AES-256-GCM, AAD = key id. */
    privateKeyCiphertext: text("private_key_ciphertext").notNull(),
    /** Which key-encryption key sealed it (a fingerprint), so a wrong KEK is reported as such. */
    kekId: text("kek_id").notNull(),
    status: text("status").$type<KeyStatus>().notNull().default("active"),
    activatedAt: timestamp("activated_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    /** Diplomas signed with this key at or after this instant are not to be trusted. */
    compromisedFrom: timestamp("compromised_from", { withTimezone: true }),
    compromiseReason: text("compromise_reason"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("signing_keys_ref_unique").on(
      sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.keyRef,
    ),
    uniqueIndex("signing_keys_one_active")
      .on(sql`coalesce(${t.organisationId}, '00000000-0000-0000-0000-000000000000'::uuid)`)
      .where(sql`${t.status} = 'active'`),
    index("signing_keys_org_idx").on(t.organisationId),
  ],
);

export type SigningKey = InferSelectModel<typeof signingKeys>;

/** Per school and year: the next số vào sổ (register number restarts each year) and the running serial. */
export const registerCounters = pgTable(
  "register_counters",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    nextRegisterNumber: integer("next_register_number").notNull().default(1),
  },
  (t) => [uniqueIndex("register_counters_pk").on(t.organisationId, t.year)],
);

/** The running số hiệu per school (it does not restart). */
export const serialCounters = pgTable("serial_counters", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id),
  nextSerial: integer("next_serial").notNull().default(1),
});
