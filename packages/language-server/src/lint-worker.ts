import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { documentSymbols, format, lint, type Finding, type FormatOptions, type LintConfig, type DocumentSymbol, type TextEdit } from "@anchor-lint/core";
import { fixAllEdits } from "./fix-all.js";

/** Documents at least this long are linted (fixed, formatted, outlined) on a thread: smaller ones take a few ms here. */
export const OFF_THREAD_CHARACTERS = 256 * 1024;

/** The heavy work a thread does: each job is the plain core call, its answer plain data. */
export type Job =
  | { kind: "lint"; text: string; config: LintConfig | undefined }
  | { kind: "fix-all"; text: string; config: LintConfig | undefined }
  | { kind: "format"; text: string; options: FormatOptions }
  | { kind: "symbols"; text: string };

export type Answer<J extends Job> = J extends { kind: "lint" } ? Finding[] : J extends { kind: "symbols" } ? DocumentSymbol[] : TextEdit[];

/** Does a job here, on whichever thread calls it: the same code answers small documents on the main loop. */
export function runJob<J extends Job>(job: J): Answer<J> {
  switch (job.kind) {
    case "lint":
      return lint(job.text, job.config ? { config: job.config } : {}) as Answer<J>;
    case "fix-all":
      return fixAllEdits(job.text, job.config) as Answer<J>;
    case "format":
      return format(job.text, job.options) as Answer<J>;
    case "symbols":
      return documentSymbols(job.text) as Answer<J>;
  }
  throw new Error(`unknown job ${(job as { kind: string }).kind}`);
}

interface Request {
  id: number;
  job: Job;
}

type Reply = { id: number; answer: unknown } | { id: number; error: string };

/** In a lint thread (the server's own bundle, started again as a worker): does the jobs it is sent. */
export function serveLintRequests(): boolean {
  if (isMainThread || !parentPort) return false;
  const port = parentPort;
  port.on("message", (request: Request) => {
    let reply: Reply;
    try {
      reply = { id: request.id, answer: runJob(request.job) };
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
  private running: { id: number; resolve: (answer: any) => void; reject: (error: Error) => void } | undefined;

  constructor(private readonly entry: string) {}

  /** The findings, or undefined when the run was cancelled (`cancel()` or a later run). */
  lint(text: string, config: LintConfig | undefined): Promise<Finding[] | undefined> {
    return this.run({ kind: "lint", text, config });
  }

  /** The job's answer, or undefined when the run was cancelled (`cancel()` or a later run). */
  run<J extends Job>(job: J): Promise<Answer<J> | undefined> {
    this.cancel();
    const worker = (this.worker ??= this.start());
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.running = { id, resolve, reject };
      worker.postMessage({ id, job } satisfies Request);
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
      else running.resolve(reply.answer);
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
