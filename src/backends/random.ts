/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): seeded 32-bit values, the same stream as the WASM core's
 * nextRandom (assembly/solvers/random.ts), so a seed gives the same coordinate order, folds and batches on both
 * backends.
 */
/** A copy of `items` in the order of a Fisher-Yates shuffle drawn from `next` (a mulberry32 stream). */
export function shuffled<T>(items: readonly T[], next: () => number): T[] {
  const order = items.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor((next() / 2 ** 32) * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

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
