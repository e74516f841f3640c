import * as nodeFs from "node:fs";
import { basename, dirname, join } from "node:path";

/** The file-system calls a write makes (node:fs's); tests pass failing ones. */
export interface WriteFs {
  realpathSync(path: string): string;
  statSync(path: string): { mode: number; uid: number; gid: number };
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

/** A write that did not happen; the original file is as it was. `message` says why, in words. */
export class WriteFailure extends Error {
  constructor(readonly reason: string, readonly code: string | undefined) {
    super(reason);
    this.name = "WriteFailure";
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the disk",
  EDQUOT: "the disk quota is exceeded",
  EFBIG: "the file would be larger than allowed",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "the file system is read-only",
  EIO: "the disk reported an input/output error",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  ENOENT: "the file or its folder no longer exists",
  EISDIR: "it is a directory",
  EBUSY: "the file is busy",
};

/** Why a call failed, in words (Node's messages repeat the path and lead with the code). */
export function reasonOf(error: unknown): string {
  if (error instanceof WriteFailure) return error.reason;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code]!;
  return code ? `the system refused the write (${code})` : "the write failed";
}

let counter = 0;

/**
 * Replaces a file's contents so that no reader ever sees a partial file and a failure (a full
 * disk, a kill mid-write) leaves the original intact: the text goes to a temporary file in the same
 * folder, is flushed to disk, gets the original's mode (and owner, where allowed), and is renamed
 * over the original (npm's write-file-atomic does the same). A symbolic link stays a link: its target
 * is replaced. A file nobody may write (no write permission bit, or one the system refuses to open
 * for writing) is left alone, although the folder would allow the rename. A missing file is created.
 * @throws {@link WriteFailure} saying why, in words; the original is unchanged then.
 */
export function writeFileAtomicSync(path: string, text: string, fs: WriteFs = nodeFs): void {
  let target = path;
  let mode: number | undefined;
  let owner: { uid: number; gid: number } | undefined;
  try {
    target = fs.realpathSync(path);
    const stat = fs.statSync(target);
    mode = stat.mode & 0o7777;
    owner = { uid: stat.uid, gid: stat.gid };
    // Even where the system would let the rename through (a writable folder, or root), a file
    // without any write permission was made read-only on purpose.
    if ((mode & 0o222) === 0) throw new WriteFailure("the file is read-only", "EACCES");
    fs.closeSync(fs.openSync(target, "r+"));
  } catch (error) {
    if (error instanceof WriteFailure) throw error;
    // A file that does not exist yet is created (in a folder that must exist).
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || mode !== undefined) throw new WriteFailure(reasonOf(error), (error as NodeJS.ErrnoException).code);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, "wx", mode ?? 0o666);
    const data = Buffer.from(text, "utf8");
    for (let written = 0; written < data.length; ) written += fs.writeSync(fd, data, written, data.length - written);
    if (mode !== undefined && owner !== undefined) {
      // The umask may have taken bits off the mode given to open.
      fs.fchmodSync(fd, mode);
      try {
        fs.fchownSync(fd, owner.uid, owner.gid);
      } catch {
        // Only root may give a file away; anyone else's new file is theirs already.
      }
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
    // The folder is not flushed after the rename (as npm's write-file-atomic does not): a power cut
    // may bring back the old file, whole, never a part of either; a flush per file doubled --fix's time.
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Closing after a failed write may fail too; the temporary file goes either way.
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw new WriteFailure(reasonOf(error), (error as NodeJS.ErrnoException).code);
  }
}
