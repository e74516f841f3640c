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

  /** The editor's process (the pane's), to wait for its end. */
  private readonly pid: number;

  constructor(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
    this.run(["new-session", "-d", "-s", "editor", "-x", "160", "-y", "48", "-c", options.cwd, ...command], options.env);
    this.pid = Number(this.run(["display-message", "-p", "-t", "editor", "#{pane_pid}"]).trim());
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

  /**
   * Ends this test's own tmux server and waits for the editor in it to exit (it may still write
   * its state file while it quits), never touching anyone else's.
   */
  async close(): Promise<void> {
    try {
      this.run(["kill-server"]);
    } catch {
      // Already gone: the editor quit and took its server with it.
    }
    const alive = () => {
      try {
        process.kill(this.pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    const deadline = Date.now() + 5000;
    while (this.pid > 0 && alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (this.pid > 0 && alive()) process.kill(this.pid, "SIGKILL");
  }
}
