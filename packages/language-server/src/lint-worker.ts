import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { lint, type Finding, type LintConfig } from "@anchor-lint/core";

/** Documents at least this long are linted on the lint thread: smaller ones take a few ms here. */
export const OFF_THREAD_CHARACTERS = 256 * 1024;

interface Request {
  id: number;
  text: string;
  config: LintConfig | undefined;
}

type Reply = { id: number; findings: Finding[] } | { id: number; error: string };

/** In the lint thread (the server's own bundle, started again as a worker): lints what it is sent. */
export function serveLintRequests(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  port.on("message", (request: Request) => {
    let reply: Reply;
    try {
      reply = { id: request.id, findings: lint(request.text, request.config ? { config: request.config } : {}) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  return true;
}

/**
 * Lints large documents on a thread of their own, so that the server keeps answering hovers,
 * completions and changes while a multi-megabyte document is linted. One run at a time: a run
 * that is no longer wanted (a newer version, a cancelled request) ends the thread, and the next
 * run starts a fresh one, which costs the bundle's load time only after a cancellation.
 */
export class LintThread {
  private worker: Worker | undefined;
  private nextId = 0;
  private running: { id: number; resolve: (findings: Finding[] | undefined) => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly entry: string) {}

  /** The findings, or undefined when the run was cancelled (`cancel()` or a later `lint()`). */
  lint(text: string, config: LintConfig | undefined): Promise<Finding[] | undefined> {
    this.cancel();
    const worker = (this.worker ??= this.start());
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.running = { id, resolve, reject };
      worker.postMessage({ id, text, config } satisfies Request);
    });
  }

  /** Ends the run under way, if any: its promise resolves to undefined. */
  cancel(): void {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
    running.resolve(undefined);
  }

  dispose(): void {
    this.cancel();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    const worker = new Worker(this.entry, { argv: ["--lint-thread"] });
    worker.unref();
    worker.on("message", (reply: Reply) => {
      const running = this.running;
      if (!running || running.id !== reply.id) return;
      this.running = undefined;
      if ("error" in reply) running.reject(new Error(reply.error));
      else running.resolve(reply.findings);
    });
    worker.on("error", (error) => {
      if (this.worker === worker) this.worker = undefined;
      const running = this.running;
      this.running = undefined;
      running?.reject(error);
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = undefined;
    });
    return worker;
  }
}
