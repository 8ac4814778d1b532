/** mulberry32, the twin of assembly/solvers/random.ts: the same seed gives the same stream on both backends. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A coordinate in [0, n) from a 32-bit random value: floor(value * n / 2^32), exact in float64. */
export function randomIndex(value: number, n: number): number {
  return Math.floor((value * n) / 2 ** 32);
}
