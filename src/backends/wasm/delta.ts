// The relaxed builds are embedded as a delta against the plain builds (scripts/wasm-delta.mjs): both compile from
// the same source, but Binaryen inlines and orders them differently, so they share long runs of bytes rather than
// whole sections. A delta is LEB128 numbers and bytes: the target's length, then until the target is complete,
// a literal's length, its bytes, a copy's length and where it starts in the base, zigzag-encoded relative to the
// end of the previous copy.

/** `delta` applied to `base`: the target's bytes. */
export function applyDelta(base: Uint8Array, delta: Uint8Array): Uint8Array<ArrayBuffer> {
  let at = 0;
  const next = (): number => {
    let value = 0;
    for (let scale = 1; ; scale *= 0x80) {
      const byte = delta[at++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
    }
  };
  const out = new Uint8Array(next());
  let written = 0;
  let from = 0;
  while (written < out.length) {
    const literal = next();
    out.set(delta.subarray(at, (at += literal)), written);
    written += literal;
    const length = next();
    const shift = next();
    from += shift % 2 === 1 ? -(shift + 1) / 2 : shift / 2;
    out.set(base.subarray(from, (from += length)), written);
    written += length;
  }
  return out;
}
