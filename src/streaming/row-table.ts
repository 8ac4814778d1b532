// Records of a numeric CSV into chunks of rows: the table rules of csv/table.ts (a header of names, then one
// decimal number per column, errors naming the line and the column) and the Float64Arrays of X and y that
// each chunk of rows is written into.

import { cellPlace, cellValue, checkHeader, checkRowLength, tableFromRecords } from "../csv/table.js";
import type { RowChunk } from "./accumulate.js";

/** The columns a reader keeps: the target's index and the features' indices, in the order of X's columns. */
export interface ColumnPick {
  targetIndex: number;
  featureIndices: number[];
}

/** A blank (or blanks-only) line: it holds no record, as csv-parse reads CSV with skip_empty_lines and trim. */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.length === 1 && cells[0].trim() === "";

const TARGET = -1;
const DROPPED = -2;

/** The rows read so far into a chunk of at most `chunkRows` rows, reused once a consumer has taken it. */
export class RowTable {
  private header: string[] | undefined;
  /** Per CSV column: its column in X, TARGET or DROPPED; set at the first data row. */
  private slots: Int32Array | undefined;
  private X = new Float64Array(0);
  private y = new Float64Array(0);
  private d = 0;
  private filled = 0;
  private seen = 0;
  /** One number per CSV column: the row {@link putValues} writes. */
  values = new Float64Array(0);

  /** With `header`, a header read (and checked) apart: every record is a data row. */
  constructor(private readonly source: string, private readonly chunkRows: number, private readonly pick: (columns: string[]) => ColumnPick, header?: string[]) {
    if (header) this.setHeader(header);
  }

  private setHeader(header: string[]): void {
    this.header = header;
    this.values = new Float64Array(header.length);
  }

  /** Whether the header has been read: from then on every record is a data row. */
  get hasHeader(): boolean {
    return this.header !== undefined;
  }

  /** Whether the chunk is full: take it before adding a row. */
  get full(): boolean {
    return this.filled === this.chunkRows;
  }

  /** The rows so far as a chunk; the next row starts a new one in the same arrays. */
  take(): RowChunk {
    const chunk = { X: { data: this.X.subarray(0, this.filled * this.d), rows: this.filled, cols: this.d }, y: this.y.subarray(0, this.filled) };
    this.filled = 0;
    return chunk;
  }

  /** Whether rows are waiting in the chunk. */
  get pending(): boolean {
    return this.filled > 0;
  }

  /**
   * A record's cells under the table rules: a blank line skipped, the header checked, then a data row's cells
   * checked and written. `lineOf` gives the file line for an error message (called only then).
   */
  record(cells: string[], lineOf: () => number): void {
    if (isBlankRecord(cells)) return;
    if (!this.header) {
      const header = cells.map((cell) => cell.trim());
      checkHeader(header, this.source);
      this.setHeader(header);
      return;
    }
    const header = this.header;
    this.slots ??= this.pickColumns();
    if (cells.length !== header.length) checkRowLength(cells.length, header, this.source, lineOf());
    const where = (column: number) => cellPlace(this.source, lineOf(), header[column]);
    for (let c = 0; c < cells.length; c++) this.values[c] = cellValue(cells[c].trim(), c, where);
    this.putValues();
  }

  /** Writes `values` (one checked number per CSV column) as the next row. */
  putValues(): void {
    const slots = (this.slots ??= this.pickColumns());
    const { X, y, values } = this;
    const base = this.filled * this.d;
    for (let c = 0; c < slots.length; c++) {
      const slot = slots[c];
      if (slot >= 0) X[base + slot] = values[c];
      else if (slot === TARGET) y[this.filled] = values[c];
    }
    this.filled++;
    this.seen++;
  }

  private pickColumns(): Int32Array {
    const { targetIndex, featureIndices } = this.pick(this.header!);
    const slots = new Int32Array(this.header!.length).fill(DROPPED);
    featureIndices.forEach((c, j) => (slots[c] = j));
    slots[targetIndex] = TARGET;
    this.d = featureIndices.length;
    [this.X, this.y] = [new Float64Array(this.chunkRows * this.d), new Float64Array(this.chunkRows)];
    return slots;
  }

  /** At the end of the input: an empty file, or a header alone, get the table rules' messages. */
  finish(): void {
    if (!this.header) tableFromRecords([], this.source);
    if (this.seen === 0) tableFromRecords([{ record: this.header!, info: { lines: 1 } }], this.source);
  }
}
