// When the seed's gradient descent runs over stripes of rows (its passes on the core's threads), and the scratch
// its stripes need: each iteration's pass runs as one gdStripe call per stripe and gdGather adds their parts in
// stripe order (the loop is in solver-loops.ts).

import { rowStripeCount } from "./matrix-kernels.js";

/**
 * Elements of X from which a fit takes the striped loop: passes of 0.4 ms or more, which the core's threads take
 * (a pass counts 4 per element against the 2^22 a threaded pass needs); below it gdFit's own loop is faster than
 * a call per stripe.
 */
const STRIPED_ELEMENTS = 1 << 20;

/** Whether gdFit on this shape runs over stripes of rows. */
export function stripedGd(rows: number, cols: number): boolean {
  return rowStripeCount(rows) > 1 && rows * cols >= STRIPED_ELEMENTS;
}

/** Values of the stripes' parts: cols + 2 each (sum_i r_i x_i, sum_i r_i^2, sum_i r_i). */
export function gdParts(rows: number, cols: number): number {
  return rowStripeCount(rows) * (cols + 2);
}
