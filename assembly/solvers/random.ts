// internal: the solvers' random stream, not part of the exported ABI.

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): the stream behind selection = "random", identical in the
 * JS backend, so a seed gives the same coordinate order on both.
 */
export function nextRandom(state: usize): u32 {
  const s = load<u32>(state) + 0x6d2b79f5;
  store<u32>(state, s);
  let t = s;
  t = (t ^ (t >>> 15)) * (t | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return t ^ (t >>> 14);
}

/** A coordinate in [0, n) from a 32-bit random value: floor(value * n / 2^32). */
// @ts-ignore: decorator
@inline export function randomIndex(value: u32, n: i32): i32 {
  return <i32>((<u64>value * <u64>n) >> 32);
}
