// The fold of a row from its global index alone: folds in one pass over a stream, with no shuffle and no row
// kept, the same for every chunking of the same rows.

/** MurmurHash3's 32-bit finalizer (fmix32): a bijection of 32-bit integers that mixes every input bit into every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** fmix32(lo XOR fmix32(hi)) of a non-negative integer below 2^53, lo and hi its low and high 32 bits. */
function hash(value: number): number {
  const hi = Math.floor(value / 0x100000000);
  return fmix32((value >>> 0) ^ fmix32(hi));
}

/**
 * The fold (0..k-1) of the row at global index i (0 = the first data row): (i + hash(floor(i / k))) mod k. Each
 * block of k consecutive rows takes every fold once, in a rotation its hash draws, so the folds stay balanced (a
 * fold's size is floor(n / k) or one more) for any n >= k, yet follow no fixed pattern across blocks.
 */
export function foldOfRow(index: number, k: number): number {
  return ((index % k) + (hash(Math.floor(index / k)) % k)) % k;
}
