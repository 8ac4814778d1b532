// The twin of assembly/solvers/random.ts; its nextRandom stream is mulberry32 in src/random.ts.

/** A coordinate in [0, n) from a 32-bit random value: floor(value * n / 2^32), exact in float64. */
export function randomIndex(value: number, n: number): number {
  return Math.floor((value * n) / 2 ** 32);
}
