// Several CSV files, or one cut into pieces of whole lines, read on worker threads and their statistics merged
// (Node). Folds go by the global index of each row (the files in order), so they are the same on any number of
// threads: with folds, the pieces' records are counted first to know where each piece's rows start. A file whose
// pieces cannot be read apart (a quote, which may hide a line break; a line break of CR alone; a byte past
// ASCII where records are counted) or that holds an error is read again on one thread, which gives the value or
// names the line, as accumulateCsv does.

import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { GramAccumulator, type GramStatistics } from "../gram-accumulator.js";
import { restoreError, type ErrorRecord } from "../worker/error-transfer.js";
import { startNodeWorker } from "../worker/spawn-worker.js";
import { WorkerPool } from "../worker/worker-pool.js";
import { accumulateStatistics, type RowChunk } from "./accumulate.js";
import type { CsvFilesOptions, CsvFilesStatistics } from "./csv-files.js";
import { piecesOf, readLayout, type CsvLayout, type Piece } from "./csv-layout.js";
import { accumulatePiece, countPiece, type AccumulateTask, type PieceCount, type PieceStatistics, type PieceTask } from "./csv-piece-task.js";
import { csvRowChunks } from "./csv-rows.js";
import { fileChunks } from "./file-chunks.js";
import { pickColumns } from "./csv-statistics.js";

/** The worker script, beside this module in dist/. */
const WORKER_SCRIPT = new URL("./csv-piece-worker.js", import.meta.url);
/** Pieces per thread: enough that a thread which started late, or reads slower, still gets its share. */
const PIECES_PER_THREAD = 4;
/** The smallest piece worth a task (bytes). */
const MIN_PIECE = 1 << 20;
/** The most threads, however many cores: each holds its own WASM memory. */
const MAX_THREADS = 8;
/** Below this many bytes in all, one thread by default: starting threads (and warming their compiled code) costs about 0.15 s. */
export const THREADS_FROM = 64 * 2 ** 20;
const DEFAULT_CHUNK_ROWS = 8192;

/** Raised inside: the files go to the one-thread reader. */
class ReadWhole extends Error {}

/** Checks that every file can be opened, naming the first that cannot; the files' sizes. */
async function fileSizes(files: string[]): Promise<number[]> {
  return Promise.all(files.map(async (file) => {
    try {
      return (await stat(file)).size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new Error(`cannot read ${file}${code ? ` (${code})` : ""}: check the path and its permissions.`);
    }
  }));
}

/** The files one after another on this thread, rows numbered across them. */
async function readOnOneThread(files: string[], sizes: number[], options: CsvFilesOptions): Promise<CsvFilesStatistics> {
  let names = options.features;
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  const chunks = async function* (): AsyncGenerator<RowChunk> {
    for (const file of files) {
      const counted = async function* (): AsyncGenerator<Uint8Array> {
        for await (const bytes of fileChunks(file)) {
          options.onProgress?.((done += bytes.length), total);
          yield bytes;
        }
      };
      yield* csvRowChunks(counted(), file, options.chunkRows ?? DEFAULT_CHUNK_ROWS, (columns) => {
        const pick = pickColumns(columns, options.target, names, file);
        names = pick.featureNames;
        return pick;
      });
    }
  };
  const { total: statistics, folds } = await accumulateStatistics(chunks(), { nFolds: options.nFolds, backend: options.backend });
  return { total: statistics, folds, featureNames: names!, target: options.target, threads: 1, pieces: files.length };
}

/** The pieces of every file, about PIECES_PER_THREAD per thread over all of them, none under MIN_PIECE. */
async function allPieces(layouts: CsvLayout[], threads: number): Promise<Piece[]> {
  const spans = layouts.map(({ size, dataStart }) => size - dataStart);
  const total = spans.reduce((a, b) => a + b, 0);
  const counts = spans.map((span) => Math.max(1, Math.min(Math.round((threads * PIECES_PER_THREAD * span) / Math.max(total, 1)), Math.ceil(span / MIN_PIECE))));
  return (await Promise.all(layouts.map((layout, i) => piecesOf(layout, counts[i])))).flat();
}

/** A task's result, from a worker of the pool (its error restored) or from this thread. */
async function run<T>(pool: WorkerPool | undefined, task: PieceTask): Promise<T> {
  if (!pool) return (task.kind === "count" ? countPiece(task.piece) : accumulatePiece(task)) as Promise<T>;
  const reply = (await pool.run(task, [])) as { result: T } | { error: ErrorRecord };
  if ("error" in reply) throw restoreError(reply.error);
  return reply.result;
}

/**
 * The tasks' results in order (undefined for one that failed), run on this thread and the pool's workers: each
 * takes the next task as it finishes one, so this thread reads too instead of waiting.
 */
async function runAll<T>(tasks: PieceTask[], pool: WorkerPool, lanes: number, done?: (index: number) => void): Promise<(T | undefined)[]> {
  const results: (T | undefined)[] = new Array(tasks.length);
  let next = 0;
  const lane = async (here: boolean) => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await run<T>(here ? undefined : pool, tasks[index]).catch(() => undefined);
      done?.(index);
    }
  };
  await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i === 0)));
  return results;
}

/** Where each piece starts: its file line, and its first row's global index (counted when there are folds). */
async function pieceStarts(pool: WorkerPool, lanes: number, pieces: Piece[], layouts: CsvLayout[], counted: boolean): Promise<{ firstLine: number; firstRow: number }[]> {
  const dataLine = (piece: Piece) => layouts.find((layout) => layout.file === piece.file)!.dataLine;
  if (!counted) return pieces.map((piece) => ({ firstLine: dataLine(piece), firstRow: 0 }));
  const counts = await runAll<PieceCount>(pieces.map((piece) => ({ kind: "count", piece })), pool, lanes);
  if (counts.some((count) => count === undefined || count.unsure)) throw new ReadWhole();
  let [line, row] = [0, 0];
  return pieces.map((piece, i) => {
    if (i === 0 || pieces[i - 1].file !== piece.file) line = dataLine(piece);
    const start = { firstLine: line, firstRow: row };
    line += counts[i]!.lines;
    row += counts[i]!.records;
    return start;
  });
}

/** The pieces' statistics merged in file order: the total, and each fold's. */
function merged(results: PieceStatistics[], nFolds: number | undefined, nFeatures: number, options: CsvFilesOptions) {
  const from = (stats: GramStatistics) => GramAccumulator.fromJSON(stats, options.backend);
  const filled = results.filter((result) => result.rows > 0);
  if (nFolds === undefined) return { total: GramAccumulator.mergeAll(filled.map((result) => from(result.total!)), nFeatures, options.backend), folds: [] };
  const folds = Array.from({ length: nFolds }, (_, f) => GramAccumulator.mergeAll(filled.map((result) => from(result.folds[f])), nFeatures, options.backend));
  return { total: GramAccumulator.mergeAll(folds), folds };
}

async function readOnThreads(files: string[], sizes: number[], threads: number, options: CsvFilesOptions): Promise<CsvFilesStatistics> {
  const layouts = await Promise.all(files.map(readLayout));
  if (layouts.some((layout) => layout === undefined)) throw new ReadWhole();
  const names = options.features ?? layouts[0]!.columns.filter((name) => name !== options.target);
  const picks = layouts.map((layout) => pickColumns(layout!.columns, options.target, names, layout!.file));
  const pieces = await allPieces(layouts as CsvLayout[], threads);
  const lanes = Math.min(threads, pieces.length);
  // This thread reads too: the pool starts one worker fewer than the threads.
  const pool = new WorkerPool({ size: Math.max(lanes - 1, 1), spawn: (events) => startNodeWorker(events, WORKER_SCRIPT), idleTimeout: 200 });
  const starts = await pieceStarts(pool, lanes, pieces, layouts as CsvLayout[], options.nFolds !== undefined);
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  const tasks = pieces.map((piece, i): AccumulateTask => {
    const fileIndex = files.indexOf(piece.file);
    return {
      kind: "accumulate", piece, columns: layouts[fileIndex]!.columns, pick: picks[fileIndex], source: piece.file, ...starts[i],
      nFolds: options.nFolds, chunkRows: options.chunkRows ?? DEFAULT_CHUNK_ROWS, backend: options.backend ?? "wasm",
    };
  });
  const results = await runAll<PieceStatistics>(tasks, pool, lanes, (i) => options.onProgress?.((done += pieces[i].end - pieces[i].start), total));
  if (results.some((result) => result === undefined || result.quoted)) throw new ReadWhole();
  const statistics = merged(results as PieceStatistics[], options.nFolds, names.length, options);
  if (statistics.total.count === 0) throw new ReadWhole();
  return { ...statistics, featureNames: names, target: options.target, threads: lanes, pieces: pieces.length };
}

/** See accumulateCsvFiles (csv-files.ts): the options are checked there. */
export async function accumulateCsvFilesOnThreads(files: string[], options: CsvFilesOptions): Promise<CsvFilesStatistics> {
  const sizes = await fileSizes(files);
  const large = sizes.reduce((a, b) => a + b, 0) >= THREADS_FROM;
  const threads = Math.min(options.threads ?? (large ? availableParallelism() : 1), MAX_THREADS);
  if (threads > 1) {
    try {
      return await readOnThreads(files, sizes, threads, options);
    } catch (error) {
      if (!(error instanceof ReadWhole)) throw error;
    }
  }
  return readOnOneThread(files, sizes, options);
}
