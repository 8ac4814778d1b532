// Products with CSR matrices: indices are 32-bit integers packed two per float64 slot (see src/sparse/csr.ts).

import type { F64Block } from "../contract.js";
import * as js from "../js/kernels/csr.js";
import { checkDimension, checkLength, packedIntegers, type NamedArguments } from "../kernel.js";
import { entry, int32, v } from "./common.js";

/**
 * The row pointers cover `rows` rows and the last stays within the non-zeros (O(1); CsrMatrix checks the column
 * indices where it is built, and an index past x can only make the core read a wrong value, never write).
 */
function checkPointers(args: NamedArguments, rowsName: string, method: string): void {
  const rows = checkDimension(args[rowsName], rowsName);
  const pointers = args.rowPointers as F64Block;
  const values = args.values as F64Block;
  checkLength(pointers, Math.ceil((rows + 1) / 2), "rowPointers", method);
  const last = packedIntegers(pointers, rows + 1)[rows];
  if (!(last >= 0 && last <= values.length)) {
    throw new RangeError(`${method}: rowPointers[${rows}] is ${last}, but there are ${values.length} values.`);
  }
  checkLength(args.columnIndices as F64Block, Math.ceil(values.length / 2), "columnIndices", method);
}

export const sparseKernels = {
  /** out = A x for a rows x cols CSR matrix. */
  csrMatVec: entry<
    (values: F64Block, columnIndices: F64Block, rowPointers: F64Block, rows: number, x: F64Block, out: F64Block) => void
  >({
    source: "kernels/csr",
    args: ["values", "columnIndices", "rowPointers", "rows", "x", "out"],
    lengths: { out: ["rows"] },
    check: (args, method) => checkPointers(args, "rows", method),
    js: (values, columnIndices, rowPointers, rows, x, out) =>
      js.csrMatVec(v(values), int32(columnIndices), int32(rowPointers), rows, v(x), v(out)),
    wasm: ({ core, address }) => (values, columnIndices, rowPointers, rows, x, out) =>
      core.csrMatVec(address(values), address(columnIndices), address(rowPointers), rows, address(x), address(out)),
  }),
  /** out[i k + o] = A_o . X_i: every row of X (n x d) against every row of a k x d CSR matrix. */
  csrTimesRows: entry<
    (values: F64Block, columnIndices: F64Block, rowPointers: F64Block, k: number, X: F64Block, n: number, d: number, out: F64Block) => void
  >({
    source: "kernels/csr",
    args: ["values", "columnIndices", "rowPointers", "k", "X", "n", "d", "out"],
    lengths: { X: ["n", "d"], out: ["n", "k"] },
    check: (args, method) => checkPointers(args, "k", method),
    js: (values, columnIndices, rowPointers, k, X, n, d, out) =>
      js.csrTimesRows(v(values), int32(columnIndices), int32(rowPointers), k, v(X), n, d, v(out)),
    wasm: ({ core, address }) => (values, columnIndices, rowPointers, k, X, n, d, out) =>
      core.csrTimesRows(address(values), address(columnIndices), address(rowPointers), k, address(X), n, d, address(out)),
  }),
};
