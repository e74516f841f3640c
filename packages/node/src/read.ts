import { closeSync, constants, fstatSync, openSync, readFileSync } from "node:fs";
import { describeFsError } from "./errors.js";

/** Why a file could not be read: an errno code (or `ENOTREG`) and Node's message. */
export interface ReadFailure {
  code?: string | undefined;
  message: string;
}

/** What a path is when it is not a regular file, for messages. */
function kindOf(stats: ReturnType<typeof fstatSync>): string {
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "a device";
  return "not a regular file";
}

/**
 * The text of a regular file, or why there is none. Only regular files are read: a named pipe
 * would block the read (and the whole run) until something writes to it, and a device such as
 * /dev/zero never ends. The file is opened without blocking (a pipe's open would wait for a
 * writer) and checked on the open descriptor, so a file swapped for a pipe in between is caught too.
 * Imports nothing but fs (and errors.ts): the CLI's reader thread bundles it.
 */
export function readRegularFile(path: string): string | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    // Opening a Unix socket fails with ENXIO: it is no file either.
    if (failure.code === "ENXIO") return { code: "ENOTREG", message: "a socket" };
    return { code: failure.code, message: failure.message };
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) return { code: "EISDIR", message: "illegal operation on a directory" };
    if (!stats.isFile()) return { code: "ENOTREG", message: kindOf(stats) };
    return readFileSync(fd, "utf8");
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    return { code: failure.code, message: failure.message };
  } finally {
    closeSync(fd);
  }
}

/** A read failure in words: "permission denied", "not a regular file (a named pipe)". */
export function describeReadFailure(failure: ReadFailure): string {
  if (failure.code === "ENOTREG") return `not a regular file (${failure.message})`;
  return describeFsError(failure);
}
