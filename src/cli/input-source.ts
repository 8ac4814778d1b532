// Where a command reads its input: a file path, or `-` for standard input.

import { fstatSync, readFileSync, statSync, type Stats } from "node:fs";
import { isatty } from "node:tty";
import { CliError } from "./cli-error.js";
import { describeFsError } from "./fs-error.js";

/** The argument that stands for standard input. */
export const STDIN = "-";

/** How messages name an input. */
export function sourceName(path: string): string {
  return path === STDIN ? "standard input" : path;
}

/** The whole text of a file, or of standard input for `-`. */
export function readText(path: string): string {
  // isatty(0), not process.stdin.isTTY: touching process.stdin makes a piped fd 0 non-blocking, and readFileSync then
  // fails with EAGAIN when the writer is slower than this reader.
  if (path === STDIN && isatty(0)) process.stderr.write("regularized: reading standard input from the terminal: type or paste the rows, then Ctrl-D.\n");
  try {
    return readFileSync(path === STDIN ? 0 : path, "utf8");
  } catch (error) {
    const hint = path === STDIN ? "Pipe or redirect a file into it." : "Check the path, or pass - to read standard input.";
    throw new CliError(`cannot read ${sourceName(path)}: ${describeFsError(error)}. ${hint}`);
  }
}

/** The file at `path` (for `-`, the one standard input is redirected from, or its pipe); undefined when there is none. */
export function fileStats(path: string): Stats | undefined {
  try {
    return path === STDIN ? fstatSync(0) : statSync(path);
  } catch {
    return undefined;
  }
}
