// The command's speed machinery over the Node API's per-file linting: worker threads and the reader thread.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { LintConfig } from "@anchor-lint/core";
import { lintFile, lintReadFile, type FileResult, type LintJobOptions, type LintTask } from "@anchor-lint/node";
import { readAhead } from "./read-ahead.js";
import { tuneForLongRun } from "./jit-settings.js";

export { type FixMode, type LintJobOptions, type LintTask } from "@anchor-lint/node";

/** Below this many files, worker start-up costs more than it saves (measured with bench/cli). */
export const PARALLEL_THRESHOLD = 400;
const CHUNK = 250;
const MIN_CHUNK = 25;

/** How many threads (the main one included) to use for `count` files; 0 concurrency means auto. */
export function threadsFor(count: number, concurrency: number): number {
  if (concurrency > 0) return Math.max(1, Math.min(concurrency, Math.ceil(count / CHUNK)));
  if (count < PARALLEL_THRESHOLD) return 1;
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(count / CHUNK)));
}

/** A chunk for a worker; configs are sent once per chunk, not once per file. */
export interface WorkerRequest {
  files: { filePath: string; path: string; config: number }[];
  configs: LintConfig[];
  options: LintJobOptions;
}

function toRequest(tasks: LintTask[], options: LintJobOptions): WorkerRequest {
  const configs: LintConfig[] = [];
  const index = new Map<LintConfig, number>();
  const files = tasks.map((task) => {
    let at = index.get(task.config);
    if (at === undefined) {
      at = configs.push(task.config) - 1;
      index.set(task.config, at);
    }
    return { filePath: task.filePath, path: task.path, config: at };
  });
  return { files, configs, options };
}

/** What a worker does with a request. */
export function handleRequest(request: WorkerRequest): FileResult[] {
  return request.files.map((file) => lintFile({ filePath: file.filePath, path: file.path, config: request.configs[file.config]! }, request.options));
}

/**
 * Worker threads running this same bundle. They can be started before the files are known, so
 * that loading the bundle in each overlaps with finding the files; unused ones are let go.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(url: URL, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { workerData: { anchorLintWorker: true } });
      // Never keep the process alive on the workers' account.
      worker.unref();
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Stops workers beyond `keep`. */
  shrink(keep: number): void {
    for (const worker of this.workers.splice(keep)) void worker.terminate();
  }

  close(): void {
    this.shrink(0);
  }

  /**
   * Lints every task across the workers and this thread. Chunks are handed out on demand; this
   * thread lints chunks too, yielding between them so idle workers get their next chunk promptly.
   */
  async run(tasks: LintTask[], options: LintJobOptions, log: (text: string) => void = () => {}): Promise<FileResult[]> {
    const results: FileResult[] = new Array(tasks.length);
    let here = 0;
    let next = 0;
    const threads = this.workers.length + 1;
    // Guided chunks: large while much is left, small at the end, so no thread waits long on the last
    // one. A worker starts with small chunks, doubling them: it is still loading and warming up, and a
    // large first chunk would leave the others waiting for it at the end.
    const take = (limit: number): [number, LintTask[]] | undefined => {
      if (next >= tasks.length) return undefined;
      const start = next;
      const size = Math.max(MIN_CHUNK, Math.min(CHUNK, limit, Math.ceil((tasks.length - next) / (threads * 2))));
      next = Math.min(tasks.length, next + size);
      return [start, tasks.slice(start, next)];
    };
    interface Lane {
      inFlight: [number, LintTask[]] | undefined;
      finish: () => void;
    }
    const lanes: Lane[] = [];
    const done = this.workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          let limit = MIN_CHUNK;
          const lane: Lane = {
            inFlight: undefined,
            finish: () => {
              lane.inFlight = undefined;
              worker.off("message", receive);
              worker.off("error", reject);
              resolve();
            },
          };
          lanes.push(lane);
          const send = () => {
            lane.inFlight = take(limit);
            limit *= 2;
            if (!lane.inFlight) lane.finish();
            else worker.postMessage(toRequest(lane.inFlight[1], options));
          };
          const receive = (chunkResults: FileResult[]) => {
            const start = lane.inFlight?.[0];
            if (start === undefined) return;
            chunkResults.forEach((result, offset) => (results[start + offset] = result));
            send();
          };
          worker.on("message", receive);
          worker.on("error", reject);
          send();
        }),
    );
    for (let chunk = take(CHUNK); chunk; chunk = take(CHUNK)) {
      const [start, slice] = chunk;
      slice.forEach((task, offset) => (results[start + offset] = lintFile(task, options)));
      here += slice.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Nothing left to hand out. Rather than wait for a worker that is slow (still warming up, or on a
    // busy core), lint its chunk here too and keep whichever is done first: linting is pure. Not when
    // fixing, where both would write the file.
    if (options.fix !== "write") {
      for (const lane of lanes) {
        const chunk = lane.inFlight;
        if (!chunk) continue;
        const [start, slice] = chunk;
        slice.forEach((task, offset) => (results[start + offset] = lintFile(task, options)));
        here += slice.length;
        lane.finish();
      }
    }
    log(`main thread linted ${here} files, ${this.workers.length} worker threads the other ${tasks.length - here}`);
    await Promise.all(done);
    return results;
  }

}

/**
 * From this many files up, the reader thread pays: below, the reads it takes over cost less than
 * starting it. Measured on 2 cores, 21 alternating runs against the same build without it (5,000):
 * varied files (bench/varied) 500 -2%, 1,000 -8%, 2,000 -9%, 3,000 -15%, the 3,094 files with
 * findings of the 10,000-file corpus -11%; bench/cli's small uniform files 1,000 +6% (12 ms), 3,000 -6%.
 */
export const READ_AHEAD_THRESHOLD = 1000;

/**
 * Lints every task: spread over `pool`'s workers when there are enough to pay off; otherwise in this
 * thread, with the reader thread at `readerUrl` (if any) reading ahead when there are enough files.
 */
export async function lintTasks(
  tasks: LintTask[],
  options: LintJobOptions,
  concurrency: number,
  pool: WorkerPool | undefined,
  log: (text: string) => void = () => {},
  readerUrl?: URL,
): Promise<FileResult[]> {
  tuneForLongRun(tasks.length);
  const threads = pool ? Math.min(threadsFor(tasks.length, concurrency), pool.size + 1) : 1;
  if (!pool || threads <= 1) {
    pool?.close();
    if (!readerUrl || tasks.length < READ_AHEAD_THRESHOLD) return tasks.map((task) => lintFile(task, options));
    const results: FileResult[] = new Array(tasks.length);
    await readAhead(
      tasks.map((task) => task.filePath),
      readerUrl,
      (index, text) => (results[index] = text === undefined ? lintFile(tasks[index]!, options) : lintReadFile(text, tasks[index]!, options)),
      log,
    );
    return results;
  }
  pool.shrink(threads - 1);
  try {
    return await pool.run(tasks, options, log);
  } finally {
    pool.close();
  }
}
