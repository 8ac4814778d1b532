// The input path: user rows copied into a backend block (type-checked during the copy, then the finiteness scan
// over the block) against a plain Float64Array.set of the same bytes, and a whole Ridge fit from number[][]
// against the same fit from { data, rows, cols }. Prints a markdown table and writes bench/results/input.json.

import type { Backend } from "../src/backend.js";
import { getBackend, initSync } from "../src/backends/registry.js";
import { copyMatrixIn } from "../src/copy-in.js";
import { Ridge } from "../src/index.js";
import { benchArgs, fixed, medianMs, printTable, randomArray, writeResults } from "./harness.js";

const { time } = benchArgs();
const [N, D] = [10_000, 100];
const LAMBDA = 0.01;

initSync();
const flat = randomArray(N * D, 21);
const rowsInput: number[][] = Array.from({ length: N }, (_, i) => Array.from(flat.subarray(i * D, (i + 1) * D)));
const typedRows: Float64Array[] = Array.from({ length: N }, (_, i) => flat.slice(i * D, (i + 1) * D));
const y = randomArray(N, 22);
const shaped = { data: flat, rows: N, cols: D };
const gb = (8 * N * D) / 1e9;

/** The floor: every row set into one preallocated Float64Array, no checks. */
function plainSet(rows: ArrayLike<number>[], target: Float64Array): void {
  for (let i = 0; i < rows.length; i++) target.set(rows[i], i * D);
}

const table: string[][] = [["input path", "n x d", "backend", "median ms", "GB/s", "vs plain set"]];
const results = [];
for (const name of ["wasm", "js"] as const) {
  const backend: Backend = getBackend(name);
  const target = new Float64Array(N * D);
  for (const [label, input] of [["number[][]", rowsInput], ["Float64Array[]", typedRows]] as const) {
    const floor = await medianMs(() => plainSet(input, target), time);
    const copy = await medianMs(() => backend.scope((scope) => void copyMatrixIn(backend, scope, input, "X")), time);
    table.push([`Float64Array.set of ${label} rows`, `${N} x ${D}`, "-", fixed(floor, 3), fixed(gb / (floor / 1e3), 2), "1.00x"]);
    table.push([`${label} -> block, checked`, `${N} x ${D}`, name, fixed(copy, 3), fixed(gb / (copy / 1e3), 2), `${fixed(copy / floor, 2)}x`]);
    results.push({ input: label, backend: name, plainSetMs: floor, copyInMs: copy, ratio: copy / floor });
    process.stderr.write(`. ${label} ${name}\n`);
  }
}

const fits = [];
for (const name of ["wasm", "js"] as const) {
  const fromRows = await medianMs(() => void new Ridge({ lambda: LAMBDA, backend: name }).fit(rowsInput, y), time, 5);
  const fromShaped = await medianMs(() => void new Ridge({ lambda: LAMBDA, backend: name }).fit(shaped, y), time, 5);
  // The floor for any rows path: the shaped fit plus a bare, unchecked set of every row (V8 reading the arrays).
  const target = new Float64Array(N * D);
  const floor = await medianMs(() => {
    plainSet(rowsInput, target);
    new Ridge({ lambda: LAMBDA, backend: name }).fit(shaped, y);
  }, time, 5);
  table.push([`Ridge fit from number[][] / from { data, rows, cols }`, `${N} x ${D}`, name, `${fixed(fromRows, 2)} / ${fixed(fromShaped, 2)}`, "-", `${fixed(fromRows / fromShaped, 2)}x`]);
  table.push([`floor: plain set of the rows + fit from { data, rows, cols }`, `${N} x ${D}`, name, fixed(floor, 2), "-", `${fixed(floor / fromShaped, 2)}x`]);
  fits.push({ backend: name, fromRowsMs: fromRows, fromShapedMs: fromShaped, ratio: fromRows / fromShaped, floorMs: floor, floorRatio: floor / fromShaped });
  process.stderr.write(`. Ridge ${name}\n`);
}

printTable(table);
writeResults("input", { sampleTimeMs: time, copies: results, ridge: fits });
