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

/**
 * The fold (0..k-1) of the row at global index i (0 = the first data row): fmix32(lo XOR fmix32(hi)) mod k,
 * with lo and hi the low and high 32 bits of i (so fmix32(i) mod k below 2^32 rows).
 */
export function foldOfRow(index: number, k: number): number {
  const hi = Math.floor(index / 0x100000000);
  return fmix32((index >>> 0) ^ fmix32(hi)) % k;
}
