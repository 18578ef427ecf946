/** The credential's own id (`id` inside the VC). */
export const credentialUrn = (id: string) => `urn:uuid:${id}`;
