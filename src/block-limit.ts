// The largest block of float64 values a backend holds. 32-bit WebAssembly addresses 4 GiB and the core indexes
// with i32; the JS backend keeps the same limit, so that both backends accept the same data.

/** The most float64 values one block holds: 2^29, 4 GiB. */
export const MAX_BLOCK_VALUES = 2 ** 29;

/** How many bytes `count` float64 values take, exactly and in GiB: "4294967304 bytes, 4.00 GiB". */
function bytesOf(count: number): string {
  return `${count * 8} bytes, ${((count * 8) / 2 ** 30).toFixed(2)} GiB`;
}

/**
 * Throws a RangeError when `count` values are more than one block holds: `what` names them ("X is 3 x 4 = 12
 * values"), `advice` says what to do instead.
 */
export function checkBlockSize(count: number, what: string, advice: string): void {
  if (count > MAX_BLOCK_VALUES) {
    throw new RangeError(
      `${what} (${bytesOf(count)} as float64), more than one block holds (${MAX_BLOCK_VALUES} values, 4 GiB, ` +
        `the limit of 32-bit WebAssembly): ${advice}.`,
    );
  }
}
