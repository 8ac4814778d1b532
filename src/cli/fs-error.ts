// File-system errors in words: the code, what it means and what to do.

/** What each common code means. */
const MEANINGS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EMFILE: "too many open files",
};

/** `"ENOENT, no such file or folder"`, or the error's message for an error without a known code. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string") return Object.hasOwn(MEANINGS, code) ? `${code}, ${MEANINGS[code]}` : code;
  return error instanceof Error ? error.message : String(error);
}
