/** A problem with how the command was called or configured: one line on stderr, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
  /** Further lines (one per config mistake), printed after the message. */
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

export const EXIT_OK = 0;
export const EXIT_LINT = 1;
export const EXIT_USAGE = 2;
