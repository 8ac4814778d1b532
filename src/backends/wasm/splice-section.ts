// The relaxed builds are embedded without the data section they share with the plain builds (AssemblyScript's
// math tables, about 10 KB that compress poorly): the section is put back from the plain build at run time.

/** Where the shared section goes back: at `at` in the part, copied from [from, to) of the plain build. */
export interface SectionSplice {
  at: number;
  from: number;
  to: number;
}

/** The whole module: `part` with the plain build's section [from, to) inserted at `at` (scripts/embed.mjs checks it). */
export function spliceSection(plain: Uint8Array, part: Uint8Array, { at, from, to }: SectionSplice): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(part.length + (to - from));
  bytes.set(part.subarray(0, at), 0);
  bytes.set(plain.subarray(from, to), at);
  bytes.set(part.subarray(at), at + (to - from));
  return bytes;
}
