// Where a command writes its --output: checked before any work (never one of the inputs, in a folder that
// exists), then written atomically, so a failure leaves no half-written file.

import { accessSync, constants, realpathSync, statSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { CliError } from "./cli-error.js";
import { describeFsError } from "./fs-error.js";
import { fileStats, STDIN } from "./input-source.js";

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `output` already is the file `input` reads: the same real path, or the same inode (a hard link). */
function isSameFile(input: string, output: string, outputStats: Stats): boolean {
  const inputFile = fileStats(input);
  if (inputFile && outputStats.ino !== 0 && inputFile.dev === outputStats.dev && inputFile.ino === outputStats.ino) return true;
  return input !== STDIN && realPath(input) !== undefined && realPath(input) === realPath(output);
}

/**
 * Refuses an --output that would replace one of `inputs` (paths, or `-` for standard input), that is a folder,
 * or whose folder is missing or not writable: before the fit, so nothing is computed for a write that must fail.
 * `toStdout` says how the command writes to standard output instead.
 */
export function checkOutput(output: string, inputs: readonly (string | undefined)[], toStdout: string): void {
  if (output === STDIN) throw new CliError(`--output - is not supported: ${toStdout}.`);
  const existing = fileStats(output);
  if (existing) {
    const input = inputs.find((path) => path !== undefined && isSameFile(path, output, existing));
    if (input !== undefined) {
      const what = input === STDIN ? "the file standard input reads" : `the input ${input}`;
      throw new CliError(`--output ${output} is ${what}: writing there would replace your data. Choose another --output.`);
    }
    if (existing.isDirectory()) throw new CliError(`--output ${output} is a folder: name a file in it.`);
  }
  const folder = dirname(output);
  const problem = folderProblem(folder);
  if (problem) throw new CliError(`cannot write --output ${output}: its folder ${folder}: ${problem}. Create the folder, or choose another --output.`);
}

/** Why files cannot be written in `folder`, or undefined when they can. */
function folderProblem(folder: string): string | undefined {
  try {
    if (!statSync(folder).isDirectory()) return "it is not a folder";
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    return describeFsError(error);
  }
}

/** Writes `text` to `path` through a temporary file in the same folder, renamed over it when complete. */
export function writeOutput(path: string, text: string): void {
  try {
    writeFileAtomic.sync(path, text);
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}. Nothing was written; choose another --output.`);
  }
}
