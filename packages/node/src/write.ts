import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

let counter = 0;

/**
 * Replaces a file's contents so that a reader (or a crash) never sees half of it: writes a temporary
 * file in the same folder, flushes it to disk, then renames it over the file (npm's
 * write-file-atomic does the same). The file keeps its mode; a symbolic link keeps pointing at the
 * file it pointed at, which is the one rewritten. A file the user may not write is refused
 * (EACCES), as a plain write would be, although the folder would allow the rename.
 */
export function writeFileAtomicSync(file: string, text: string): void {
  let target = file;
  let mode: number | undefined;
  try {
    target = realpathSync(file);
    mode = statSync(target).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  if (mode !== undefined) accessSync(target, constants.W_OK);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${counter++}.tmp`);
  const fd = openSync(temporary, "wx", mode ?? 0o666);
  try {
    try {
      // The umask applied at open: set the file's own mode again.
      if (mode !== undefined) fchmodSync(fd, mode);
      const bytes = Buffer.from(text, "utf8");
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // already gone
    }
    throw error;
  }
}
