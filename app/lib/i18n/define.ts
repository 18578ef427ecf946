/**
 * The English of a namespace (or of the catalogue): exactly the keys of the Vietnamese, the reference. A missing key
 * fails typecheck, and so does an extra one (an object literal's excess property).
 */
export type English<V> = { [K in keyof V]: string };
