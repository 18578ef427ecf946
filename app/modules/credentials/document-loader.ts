/**
 * The JSON-LD document loader for credentials: it resolves the bundled contexts (contexts/, see its README for
 * where each file comes from) and nothing else. Nothing is fetched at run time, so a credential means the same
 * thing on every machine, offline, and a document cannot make the verifier call an address of its choosing.
 */
import credentialsExamplesV2 from "./contexts/credentials-examples-v2.json";
import credentialsV2 from "./contexts/credentials-v2.json";
import dataIntegrityV2 from "./contexts/data-integrity-v2.json";
import multikeyV1 from "./contexts/multikey-v1.json";
import openBadgesV3 from "./contexts/open-badges-v3p0-context-3.0.3.json";
import diplomaV1 from "./contexts/vanbang-diploma-v1.json";

export const CREDENTIALS_V2_CONTEXT_URL = "https://www.w3.org/ns/credentials/v2";
/** Only the W3C examples and test vectors use it; it is bundled so that the vectors can be checked. */
export const CREDENTIALS_EXAMPLES_V2_CONTEXT_URL = "https://www.w3.org/ns/credentials/examples/v2";
export const OPEN_BADGES_V3_CONTEXT_URL = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const DATA_INTEGRITY_V2_CONTEXT_URL = "https://w3id.org/security/data-integrity/v2";
export const MULTIKEY_V1_CONTEXT_URL = "https://w3id.org/security/multikey/v1";
/** Our extension context. A fixed URL, not the deployment's host, so that signatures do not depend on the host. */
export const DIPLOMA_CONTEXT_URL = "https://vanbang.gov.vn/contexts/diploma/v1";

/** A JSON-LD remote document as jsonld.js expects a document loader to return it. */
export interface RemoteContextDocument {
  contextUrl: null;
  documentUrl: string;
  document: Readonly<Record<string, unknown>>;
}

export type DocumentLoader = (url: string) => Promise<RemoteContextDocument>;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The bundled contexts by URL. Frozen: one shared copy serves every credential. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, Readonly<Record<string, unknown>>> = new Map(
  (
    [
      [CREDENTIALS_V2_CONTEXT_URL, credentialsV2],
      [CREDENTIALS_EXAMPLES_V2_CONTEXT_URL, credentialsExamplesV2],
      [OPEN_BADGES_V3_CONTEXT_URL, openBadgesV3],
      [DATA_INTEGRITY_V2_CONTEXT_URL, dataIntegrityV2],
      [MULTIKEY_V1_CONTEXT_URL, multikeyV1],
      [DIPLOMA_CONTEXT_URL, diplomaV1],
    ] as const
  ).map(([url, document]) => [url, deepFreeze(document as Record<string, unknown>)]),
);

export class UnknownContextError extends Error {
  readonly url: string;
  constructor(url: string) {
    super(`JSON-LD context not bundled, and contexts are never fetched: ${url}`);
    this.name = "UnknownContextError";
    this.url = url;
  }
}

export const documentLoader: DocumentLoader = async (url) => {
  const document = BUNDLED_CONTEXTS.get(url);
  if (!document) throw new UnknownContextError(url);
  return { contextUrl: null, documentUrl: url, document };
};
