import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync } from "node:fs";
import { join, parse, resolve, sep } from "node:path";
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
 * Imports nothing but fs and path (and errors.ts): the CLI's reader thread bundles it.
 */
export function readRegularFile(path: string): string | ReadFailure {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    // Opening a Unix socket fails with ENXIO: it is no file either.
    if (failure.code === "ENXIO") return { code: "ENOTREG", message: "a socket" };
    if (failure.code === "ENOENT" && hasUnreadableName(path, recentNames())) return { code: NOT_UTF8, message: NOT_UTF8_REASON };
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

/** The code of a failure for a name that is not valid UTF-8 (see hasUnreadableName). */
export const NOT_UTF8 = "ENOTUTF8";
export const NOT_UTF8_REASON = "its name is not valid UTF-8, so it cannot be opened by name";

/**
 * The first part of `path` (the file's name or a folder's on the way) that is not valid UTF-8, as an
 * absolute path; undefined when there is none. Node gives names as strings, with each invalid byte
 * decoded as U+FFFD, and encodes them back as UTF-8: the path it opens is not the one listed, and
 * the open fails with ENOENT although the file is there. Asked only after such a failure: the folder
 * above each part with U+FFFD is listed again as bytes, to tell that from a file really gone (or
 * from a name holding a real U+FFFD, which opens). `names` keeps those listings across calls.
 */
export function unreadablePart(path: string, names: UnreadableNames = new UnreadableNames()): string | undefined {
  if (!path.includes("\ufffd")) return undefined;
  const absolute = resolve(path);
  let folder = parse(absolute).root;
  for (const name of absolute.slice(folder.length).split(sep)) {
    if (name.includes("\ufffd")) {
      const unreadable = names.in(folder)?.get(name);
      // Not there at all (nor is the folder, perhaps): really gone.
      if (unreadable === undefined) return undefined;
      if (unreadable) return join(folder, name);
    }
    folder = join(folder, name);
  }
  return undefined;
}

/** Whether a part of `path` is a name that is not valid UTF-8 (see unreadablePart). */
export function hasUnreadableName(path: string, names?: UnreadableNames): boolean {
  return unreadablePart(path, names) !== undefined;
}

/**
 * The names with U+FFFD in each folder asked about, listed once: thousands of unreadable names in one
 * folder would otherwise list it once for each, which is quadratic (4,000 took 25 s). For one run:
 * a folder is not listed again, so a name added or removed later is not seen.
 */
export class UnreadableNames {
  private readonly folders = new Map<string, Map<string, boolean> | undefined>();

  /**
   * Each name in `folder` with U+FFFD, true when it cannot be opened by name (its bytes are not
   * valid UTF-8 and no name made of a real U+FFFD reads the same); undefined when `folder` cannot be listed.
   */
  in(folder: string): Map<string, boolean> | undefined {
    if (this.folders.has(folder)) return this.folders.get(folder);
    let names: Map<string, boolean> | undefined = new Map();
    try {
      for (const entry of readdirSync(folder, { encoding: "buffer" })) {
        const name = entry.toString();
        if (!name.includes("\ufffd")) continue;
        const real = Buffer.from(name).equals(entry);
        // A real one opens under that string, whatever other names decode to it.
        names.set(name, !real && names.get(name) !== false);
      }
    } catch {
      names = undefined;
    }
    this.folders.set(folder, names);
    return names;
  }
}

/**
 * Folder listings shared by reads close together: a run reads thousands of files within seconds, and
 * a folder of thousands of names that are not valid UTF-8 was listed once per file (3,000: 19 s).
 * Kept for a second, so that a long-lived process (an editor's server) sees later changes.
 */
let recent: { names: UnreadableNames; since: number } | undefined;

function recentNames(): UnreadableNames {
  const now = Date.now();
  if (!recent || now - recent.since > 1000) recent = { names: new UnreadableNames(), since: now };
  return recent.names;
}

/** A read failure in words: "permission denied", "not a regular file (a named pipe)". */
export function describeReadFailure(failure: ReadFailure): string {
  if (failure.code === "ENOTREG") return `not a regular file (${failure.message})`;
  if (failure.code === NOT_UTF8) return NOT_UTF8_REASON;
  return describeFsError(failure);
}
