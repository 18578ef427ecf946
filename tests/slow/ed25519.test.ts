import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatePrivateKey, publicKeyOf, sign, verify } from "~/modules/signing/ed25519";
import { nodePrivateKey, signWithNode, verifyWithNode } from "~/modules/signing/ed25519-node.server";
import {
  decodeEd25519PrivateKey,
  decodeEd25519PublicKey,
  encodeEd25519PrivateKey,
  encodeEd25519PublicKey,
} from "~/modules/signing/multikey";

const vectors = JSON.parse(
  readFileSync(new URL("../fixtures/w3c-vc-di-eddsa/keyPair.json", import.meta.url), "utf8"),
) as {
  publicKeyMultibase: string;
  privateKeyMultibase: string;
};

describe("Ed25519 and Multikey", () => {
  it("decodes the W3C test key pair, whose public key derives from its private key", () => {
    const privateKey = decodeEd25519PrivateKey(vectors.privateKeyMultibase)!;
    const publicKey = decodeEd25519PublicKey(vectors.publicKeyMultibase)!;
    expect(publicKeyOf(privateKey)).toEqual(publicKey);
    expect(encodeEd25519PublicKey(publicKey)).toBe(vectors.publicKeyMultibase);
    expect(encodeEd25519PrivateKey(privateKey)).toBe(vectors.privateKeyMultibase);
    expect(vectors.publicKeyMultibase.startsWith("z6Mk")).toBe(true);
  });

  it("rejects malformed multikeys", () => {
    for (const bad of ["", "z", "6Mkabc", "z0OIl", vectors.privateKeyMultibase])
      expect(decodeEd25519PublicKey(bad)).toBeNull();
  });

  it("Node's built-in Ed25519 signs byte for byte like @noble/ed25519", () => {
    for (let i = 0; i < 50; i++) {
      const privateKey = generatePrivateKey();
      const message = randomBytes(i * 7);
      const noble = sign(message, privateKey);
      const node = signWithNode(message, nodePrivateKey(privateKey));
      expect(Buffer.from(node).toString("hex")).toBe(Buffer.from(noble).toString("hex"));
      expect(verify(node, message, publicKeyOf(privateKey))).toBe(true);
    }
  });

  it("refuses a changed message, a changed signature and garbage", () => {
    const privateKey = generatePrivateKey();
    const publicKey = publicKeyOf(privateKey);
    const message = new TextEncoder().encode("Bằng tốt nghiệp cao đẳng");
    const signature = sign(message, privateKey);
    const flipped = signature.slice();
    flipped[10]! ^= 1;
    expect(verify(flipped, message, publicKey)).toBe(false);
    expect(verify(signature, new TextEncoder().encode("Bằng tốt nghiệp trung cấp"), publicKey)).toBe(false);
    expect(verify(signature.slice(0, 63), message, publicKey)).toBe(false);
    expect(verify(signature, message, new Uint8Array(32))).toBe(false);
  });
});

describe("Node's built-in Ed25519 verify (the server's hot path) answers like @noble/ed25519", () => {
  it("accepts genuine signatures and refuses tampered ones, exactly where noble does", () => {
    for (let i = 0; i < 40; i++) {
      const privateKey = generatePrivateKey();
      const publicKey = publicKeyOf(privateKey);
      const message = randomBytes(1 + i * 5);
      const signature = sign(message, privateKey);
      expect(verifyWithNode(signature, message, publicKey)).toBe(true);
      // Every single-bit change of the signature, and a changed message byte.
      for (let bit = 0; bit < 512; bit += 37) {
        const tampered = signature.slice();
        tampered[bit >> 3]! ^= 1 << (bit & 7);
        expect(verifyWithNode(tampered, message, publicKey)).toBe(verify(tampered, message, publicKey));
        expect(verifyWithNode(tampered, message, publicKey)).toBe(false);
      }
      const changed = Buffer.from(message);
      changed[i % changed.length]! ^= 0x80;
      expect(verifyWithNode(signature, changed, publicKey)).toBe(false);
    }
  });

  it("refuses malformed input without throwing, as noble does", () => {
    const privateKey = generatePrivateKey();
    const publicKey = publicKeyOf(privateKey);
    const message = new TextEncoder().encode("VBQR1 test");
    const signature = sign(message, privateKey);
    const notOnCurve = Uint8Array.from(Buffer.from("02".padEnd(64, "0"), "hex")); // y = 2 has no x on the curve
    const cases: [Uint8Array, Uint8Array][] = [
      [signature.slice(0, 63), publicKey],
      [new Uint8Array(64), publicKey],
      [signature, new Uint8Array(31)],
      [signature, new Uint8Array(32)],
      [signature, notOnCurve],
      [randomBytes(64), randomBytes(32)],
    ];
    for (const [sig, key] of cases) {
      expect(verifyWithNode(sig, message, key)).toBe(false);
      expect(verify(sig, message, key)).toBe(false);
    }
  });
});
