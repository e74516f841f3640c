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
