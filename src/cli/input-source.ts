// Where a command reads its input: a file path, or `-` for standard input.

import { fstatSync, readFileSync, statSync, type Stats } from "node:fs";
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
  try {
    return readFileSync(path === STDIN ? 0 : path, "utf8");
  } catch (error) {
    const hint = path === STDIN ? "Pipe or redirect a file into it." : "Check the path, or pass - to read standard input.";
    throw new CliError(`cannot read ${sourceName(path)}: ${describeFsError(error)}. ${hint}`);
  }
}

/** The file behind an input (standard input's too, when it is redirected from a file); undefined when there is none. */
export function inputStats(path: string): Stats | undefined {
  try {
    return path === STDIN ? fstatSync(0) : statSync(path);
  } catch {
    return undefined;
  }
}
