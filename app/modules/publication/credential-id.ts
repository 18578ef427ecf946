/**
 * A diploma's id in a capability URL (/credentials/{id}/…): a UUID, written in lower case. Anything else is not a
 * credential of ours, answered 404 like an unknown one. Pure.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function parseCredentialId(param: string | undefined): string | null {
  return param && UUID.test(param) ? param.toLowerCase() : null;
}

/** The credential's own id (`id` inside the VC). */
export const credentialUrn = (id: string) => `urn:uuid:${id}`;
