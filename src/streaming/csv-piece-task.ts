// What a thread does with a piece of a CSV file (Node): count its lines and records, or accumulate its rows'
// statistics (and folds, by the global index of each row) through the same reader as a whole file.

import type { BackendName } from "../backend.js";
import type { GramStatistics } from "../gram-accumulator.js";
import { accumulateStatistics, type RowChunk } from "./accumulate.js";
import type { Piece } from "./csv-layout.js";
import { csvRowChunks, type ColumnPick } from "./csv-rows.js";
import { fileChunks } from "./file-chunks.js";
import { RecordCounter } from "./record-counter.js";

export interface CountTask {
  kind: "count";
  piece: Piece;
}

export interface AccumulateTask {
  kind: "accumulate";
  piece: Piece;
  /** The file's header and the columns picked from it. */
  columns: string[];
  pick: ColumnPick;
  source: string;
  /** The file line and the global row index the piece starts at (both known only when its earlier pieces were counted). */
  firstLine: number;
  firstRow: number;
  nFolds?: number;
  chunkRows: number;
  backend: BackendName;
}

export type PieceTask = CountTask | AccumulateTask;

export interface PieceCount {
  lines: number;
  records: number;
  /** Whether the counts may be wrong (see RecordCounter). */
  unsure: boolean;
}

export interface PieceStatistics {
  rows: number;
  /** Whether a stretch held a quote: the piece may have begun inside a quoted cell, and is read again whole. */
  quoted: boolean;
  total?: GramStatistics;
  folds: GramStatistics[];
}

/** The piece's bytes: lines that start in [start, end) of the file. */
const pieceBytes = ({ file, start, end }: Piece): AsyncIterable<Uint8Array> => fileChunks(file, start, end);

export async function countPiece(piece: Piece): Promise<PieceCount> {
  const counter = new RecordCounter();
  if (piece.end > piece.start) for await (const bytes of pieceBytes(piece)) counter.add(bytes);
  counter.finish();
  return { lines: counter.lines, records: counter.records, unsure: counter.unsure };
}

export async function accumulatePiece(task: AccumulateTask): Promise<PieceStatistics> {
  const report = { quoted: false };
  const none: PieceStatistics = { rows: 0, quoted: false, folds: [] };
  if (task.piece.end <= task.piece.start) return none;
  const rowChunks = csvRowChunks(pieceBytes(task.piece), task.source, task.chunkRows, () => task.pick, { columns: task.columns, firstLine: task.firstLine, report });
  const first = await rowChunks.next();
  if (first.done) return { ...none, quoted: report.quoted };
  const chunks = async function* (): AsyncGenerator<RowChunk> {
    yield first.value;
    yield* rowChunks;
  };
  const { total, folds } = await accumulateStatistics(chunks(), { nFolds: task.nFolds, firstRow: task.firstRow, backend: task.backend });
  return { rows: total.count, quoted: report.quoted, total: total.toJSON(), folds: folds.map((fold) => fold.toJSON()) };
}
