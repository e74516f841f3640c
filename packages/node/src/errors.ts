/**
 * A mistake in what the caller asked for or configured (a path that does not exist, a glob without
 * matches, a bad config file): the message says what and where. The CLI prints it and exits 2.
 */
export class UsageError extends Error {
  override name = "UsageError";
  /** Further lines (one per config mistake), printed after the message. */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a directory",
  ENOTDIR: "a part of the path is a file, not a directory",
  ENOENT: "no such file or directory",
  ELOOP: "too many symbolic links (a link that points to itself?)",
  ENAMETOOLONG: "the name is too long",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EEXIST: "it already exists",
  EBUSY: "it is busy",
  EMFILE: "too many open files",
  EIO: "input/output error",
  EINVAL: "invalid argument",
  EFBIG: "the file is too large",
  ENXIO: "no such device",
  ENODEV: "no such device",
};

/**
 * A file-system error in plain words (`EISDIR` is "it is a directory"): Node's own message starts with
 * the errno code and repeats the absolute path, neither of which helps the user.
 */
export function describeFsError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && REASONS[code]) return REASONS[code];
  const text = String(message ?? error);
  // "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" says "cross-device link not permitted".
  return text.replace(/^[A-Z][A-Z0-9_]+: /, "").replace(/, \w+ '.*$/, "");
}
