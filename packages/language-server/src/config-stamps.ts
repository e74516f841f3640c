import { statSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The change times of the config files the server's answers depend on, for clients that register
 * no file watcher (Neovim 0.7, ALE): a file changed, created or deleted outside the editor's
 * buffers is noticed before the next lint by a few `stat` calls, made at most once per interval.
 */
export class ConfigStamps {
  private readonly stamps = new Map<string, string>();
  private lastCheck = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly fileName: string,
    private readonly intervalMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Remembers, as they are now, the config files that could apply to a document at `path`. */
  track(path: string): void {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const file = join(dir, this.fileName);
      if (!this.stamps.has(file)) this.stamps.set(file, stampOf(file));
      if (dirname(dir) === dir) break;
    }
  }

  /** Forgets them all (after the server re-reads every config file anyway). */
  clear(): void {
    this.stamps.clear();
  }

  /**
   * `true` when one of the tracked files changed since it was tracked; `false` when none did;
   * otherwise the milliseconds to wait before the next look is allowed.
   */
  check(): boolean | number {
    const now = this.now();
    const wait = this.lastCheck + this.intervalMs - now;
    if (wait > 0) return Math.ceil(wait);
    this.lastCheck = now;
    for (const [file, stamp] of this.stamps) if (stampOf(file) !== stamp) return true;
    return false;
  }
}

function stampOf(file: string): string {
  try {
    const stats = statSync(file);
    // ctime too: an editor that writes a file in place within the same millisecond still changes it.
    return `${stats.mtimeMs}:${stats.ctimeMs}:${stats.size}:${stats.ino}`;
  } catch {
    return "absent";
  }
}
