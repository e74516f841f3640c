import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { requireProgram } from "./tools.js";

let sessions = 0;

/**
 * A terminal editor running in its own tmux server (its own socket, so that it gets the sandbox's
 * environment and nothing else's), typed into as a user types.
 */
export class Terminal {
  private readonly tmux = requireProgram("tmux");
  private readonly socket = `anchor-lint-e2e-${process.pid}-${++sessions}`;

  constructor(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.run(["new-session", "-d", "-s", "editor", "-x", "160", "-y", "48", "-c", options.cwd, ...command], options.env);
  }

  private run(args: string[], env: NodeJS.ProcessEnv = process.env): string {
    return execFileSync(this.tmux, ["-L", this.socket, "-f", "/dev/null", ...args], { env, encoding: "utf8" });
  }

  /** tmux key names: "Escape", "Enter", "C-x", ... */
  keys(...keys: string[]): void {
    this.run(["send-keys", "-t", "editor", ...keys]);
  }

  /** Text typed character by character, no key names. */
  type(text: string): void {
    this.run(["send-keys", "-t", "editor", "-l", text]);
  }

  screen(): string {
    return this.run(["capture-pane", "-p", "-t", "editor"]);
  }

  /** Polls until `ready` returns a value; fails with the screen and `what` after `timeoutMs`. */
  async until<T>(what: string, ready: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let value: T | undefined | false;
      try {
        value = ready();
      } catch {
        value = undefined;
      }
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits for a JSON file the editor writes (the test helpers' state dumps) to satisfy `ready`. */
  async untilJson<T>(file: string, what: string, ready: (value: any) => T | undefined | false, timeoutMs?: number): Promise<T> {
    return this.until(what, () => (existsSync(file) ? ready(JSON.parse(readFileSync(file, "utf8"))) : undefined), timeoutMs);
  }

  /** Ends this test's own tmux server (and the editor in it), never anyone else's. */
  close(): void {
    try {
      this.run(["kill-server"]);
    } catch {
      // Already gone: the editor quit and took its server with it.
    }
  }
}
