import { gunzipSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  decodeStatusList,
  drawFreeIndexes,
  emptyBitstring,
  encodeStatusList,
  getBit,
  MIN_STATUS_LIST_SIZE,
  withBit,
} from "~/modules/status/bitstring";

const gzip = (b: Uint8Array) => new Uint8Array(gzipSync(b));
const gunzip = (b: Uint8Array) => new Uint8Array(gunzipSync(b));

describe("bitstring status list", () => {
  it("has at least 131,072 entries and counts index 0 as the left-most bit", () => {
    const bits = emptyBitstring();
    expect(bits.length * 8).toBe(MIN_STATUS_LIST_SIZE);
    const set = withBit(bits, 0, true);
    expect(set[0]).toBe(0b1000_0000);
    expect(withBit(bits, 9, true)[1]).toBe(0b0100_0000);
    expect(getBit(withBit(bits, 131_071, true), 131_071)).toBe(true);
    expect(getBit(bits, 131_071)).toBe(false);
    expect(() => getBit(bits, 131_072)).toThrow(RangeError);
    expect(() => emptyBitstring(1000)).toThrow();
  });

  it("round-trips through GZIP and base64url multibase", () => {
    let bits = emptyBitstring();
    for (const i of [0, 7, 8, 4242, 131_071]) bits = withBit(bits, i, true);
    const encoded = encodeStatusList(bits, gzip);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const decoded = decodeStatusList(encoded, gunzip)!;
    expect([0, 7, 8, 4242, 131_071, 1, 9].map((i) => getBit(decoded, i))).toEqual([
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it("rejects encoded lists that are not ours to read", () => {
    for (const bad of [
      "",
      "H4sI",
      "u!!!",
      "u" + Buffer.from("not gzip").toString("base64url"),
      encodeStatusList(new Uint8Array(10), gzip),
    ]) {
      expect(decodeStatusList(bad, gunzip)).toBeNull();
    }
  });

  it("draws distinct free indexes and says when the list is full", () => {
    const taken = new Set([1, 2, 3]);
    const rand = (max: number) => Math.floor(Math.random() * max);
    const drawn = drawFreeIndexes(16, taken, 13, rand)!;
    expect(new Set(drawn).size).toBe(13);
    expect(drawn.some((i) => taken.has(i))).toBe(false);
    expect(drawFreeIndexes(16, taken, 14, rand)).toBeNull();
  });
});
