// Build-time side of src/backends/wasm/delta.ts (which describes the format): the delta that turns one build into
// another, as copies of the base's runs of bytes (greedy, longest first) and the bytes between them.

/** The shortest run worth a copy: a shorter one costs more as a copy than as literal bytes. */
const MIN_MATCH = 6;
/** The starts of a run tried per position: the builds repeat few runs, so the first ones do. */
const MAX_CANDIDATES = 64;

const key = (bytes, at) => bytes.toString("latin1", at, at + MIN_MATCH);

function pushLeb(out, value) {
  for (; value >= 0x80; value = Math.floor(value / 0x80)) out.push((value % 0x80) | 0x80);
  out.push(value);
}

/** The delta from `base` to `target` (both Buffers), as a Buffer. */
export function encodeDelta(base, target) {
  const starts = new Map();
  for (let at = 0; at + MIN_MATCH <= base.length; at++) {
    const list = starts.get(key(base, at)) ?? [];
    if (list.length < MAX_CANDIDATES) starts.set(key(base, at), [...list, at]);
  }
  const out = [];
  pushLeb(out, target.length);
  let literal = [];
  let end = 0; // where the previous copy ended in the base
  const copy = (from, length) => {
    pushLeb(out, literal.length);
    out.push(...literal);
    literal = [];
    pushLeb(out, length);
    pushLeb(out, from >= end ? 2 * (from - end) : 2 * (end - from) - 1);
    end = from + length;
  };
  for (let at = 0; at < target.length; ) {
    let [best, from] = [0, 0];
    for (const start of (at + MIN_MATCH <= target.length && starts.get(key(target, at))) || []) {
      let length = 0;
      while (start + length < base.length && at + length < target.length && base[start + length] === target[at + length]) length++;
      if (length > best || (length === best && start === end)) [best, from] = [length, start];
    }
    if (best >= MIN_MATCH) {
      copy(from, best);
      at += best;
    } else {
      literal.push(target[at++]);
    }
  }
  if (literal.length > 0) copy(end, 0);
  return Buffer.from(out);
}
