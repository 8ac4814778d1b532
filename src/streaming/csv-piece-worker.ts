// The script of a thread that reads pieces of CSV files (Node worker_threads): one task at a time, answered with
// its result or the error as the caller restores it.

import { parentPort } from "node:worker_threads";
import { init } from "../backends/registry.js";
import { recordError } from "../worker/error-transfer.js";
import { accumulatePiece, countPiece, type PieceTask } from "./csv-piece-task.js";

const ready = init({ threads: 1 }); // one thread per worker: the pool of workers is the parallelism

async function answer(task: PieceTask): Promise<unknown> {
  try {
    await ready;
    return { result: task.kind === "count" ? await countPiece(task.piece) : await accumulatePiece(task) };
  } catch (error) {
    return { error: recordError(error) };
  }
}

parentPort?.on("message", (task: PieceTask) => void answer(task).then((reply) => parentPort?.postMessage(reply)));
