import { accessSync, constants, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { describeFsError, UsageError } from "./errors.js";

/**
 * Creates `folder` and its missing parents one level at a time. Not `mkdirSync(..., { recursive })`:
 * under a pseudo file system such as /proc that call keeps retrying and never returns.
 */
export function makeFolders(folder: string, shown: string): void {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    let stats;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") throw new UsageError(`cannot create folder ${shown}: ${describeFsError(error)}`);
      missing.push(current);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
      continue;
    }
    if (!stats.isDirectory()) throw new UsageError(`cannot create folder ${shown}: ${current === folder ? "it is a file" : "a part of the path is a file, not a directory"}`);
    break;
  }
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue; // made meanwhile
      throw new UsageError(`cannot create folder ${shown}: ${describeFsError(error)}`);
    }
  }
}

/**
 * Makes sure the report can be written to `target` before any work is done: its folder exists (made
 * if needed) and is writable, and `target` is not a folder. Returns `target`.
 */
export function prepareOutputFile(target: string, shown: string): string {
  const fail = (reason: string) => new UsageError(`cannot write output file ${shown}: ${reason}`);
  try {
    makeFolders(dirname(target), shown);
  } catch (error) {
    // The folder is never the report itself: a file there is "a part of the path".
    const reason = (error as Error).message.replace(/^cannot create folder [^:]*: /, "");
    throw fail(reason === "it is a file" ? "a part of the path is a file, not a directory" : reason);
  }
  try {
    if (statSync(target).isDirectory()) throw fail("it is a directory");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw fail(describeFsError(error));
  }
  try {
    accessSync(dirname(target), constants.W_OK);
  } catch (error) {
    throw fail(describeFsError(error));
  }
  return target;
}
