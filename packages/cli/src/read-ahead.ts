import { Worker } from "node:worker_threads";

/**
 * Reading a file costs about as much as linting a warm one (open, read, decode, close: ~10 µs), and
 * on two cores a second thread linting never paid for its own start-up and JIT warm-up. So on two
 * cores a tiny thread reads ahead while this one lints: the reads come off the critical path, and
 * only one thread warms up the linter.
 *
 * Shared counters coordinate the two threads without waiting on messages:
 * - NEXT: the next file to claim. This thread reads and lints files itself (claiming them one by
 *   one) until the reader has started, so a slow thread start never delays the first results.
 * - READY: set by the reader once it runs; from then on this thread stops claiming.
 * - PENDING: characters read but not yet linted. The reader waits above MAX_PENDING, so a walk over
 *   huge files never holds them all in memory.
 */
const NEXT = 0;
const READY = 1;
const PENDING = 2;
const MAX_PENDING = 32 * 1024 * 1024;

/** A file the reader could not read: its error code (or message), to report as the main thread would. */
export interface ReadFailure {
  code?: string | undefined;
  message: string;
}

export interface ReadChunk {
  start: number;
  texts: (string | ReadFailure)[];
}

/**
 * The reader thread's whole program, run from source (`eval`): it loads nothing but `fs`, so it is
 * up in a few milliseconds where a thread loading this bundle would take tens. Plain JavaScript in
 * a string, because a bundler rewrites `require` inside functions. workerData: { files, state,
 * chunk, maxPending }; state holds the counters above.
 */
const READER_PROGRAM = `
const { parentPort, workerData } = require("node:worker_threads");
const { readFileSync } = require("node:fs");
const { files, state, chunk, maxPending } = workerData;
Atomics.store(state, ${READY}, 1);
for (;;) {
  for (let pending = Atomics.load(state, ${PENDING}); pending > maxPending; pending = Atomics.load(state, ${PENDING})) {
    Atomics.wait(state, ${PENDING}, pending, 20);
  }
  const start = Atomics.add(state, ${NEXT}, chunk);
  if (start >= files.length) break;
  const end = Math.min(files.length, start + chunk);
  const texts = [];
  let size = 0;
  for (let index = start; index < end; index++) {
    try {
      const text = readFileSync(files[index], "utf8");
      size += text.length;
      texts.push(text);
    } catch (error) {
      texts.push({ code: error.code, message: error.message });
    }
  }
  Atomics.add(state, ${PENDING}, size);
  parentPort.postMessage({ start, texts });
}
parentPort.postMessage("done");
`;

/** Files per message: enough to make messages cheap, few enough that linting starts early. */
const CHUNK = 64;

/**
 * Reads `files` on a reader thread and hands each text to `consume` on this thread, with its index.
 * Files the reader has not claimed yet (before it starts, or all of them when it cannot start) are
 * handed over as `undefined`: the caller reads them itself. Each index is consumed exactly once.
 */
export async function readAhead(
  files: readonly string[],
  consume: (index: number, text: string | ReadFailure | undefined) => void,
  log: (text: string) => void = () => {},
): Promise<void> {
  const state = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  let worker: Worker;
  try {
    worker = new Worker(READER_PROGRAM, {
      eval: true,
      workerData: { files, state, chunk: CHUNK, maxPending: MAX_PENDING },
      // A reader needs little: keep its heap small.
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
  } catch (error) {
    log(`reader thread did not start (${(error as Error).message}): reading here`);
    files.forEach((_, index) => consume(index, undefined));
    return;
  }
  worker.unref();
  const done = new Array<boolean>(files.length).fill(false);
  let here = 0;
  // Until the reader runs, claim files one at a time and read them here.
  while (Atomics.load(state, READY) === 0) {
    const index = Atomics.add(state, NEXT, 1);
    if (index >= files.length) break;
    consume(index, undefined);
    done[index] = true;
    here++;
  }
  log(`read ${here} files here before the reader thread started`);
  await new Promise<void>((resolve) => {
    const finish = () => {
      worker.off("message", receive);
      worker.off("error", finish);
      worker.off("exit", finish);
      resolve();
    };
    const receive = (message: ReadChunk | "done") => {
      if (message === "done") return finish();
      let size = 0;
      message.texts.forEach((text, offset) => {
        if (typeof text === "string") size += text.length;
        consume(message.start + offset, text);
        done[message.start + offset] = true;
      });
      Atomics.sub(state, PENDING, size);
      Atomics.notify(state, PENDING);
    };
    worker.on("message", receive);
    // A reader that fails leaves its files to this thread, below.
    worker.on("error", finish);
    worker.on("exit", finish);
    // Nothing left for the reader: it may not even have started.
    if (Atomics.load(state, NEXT) >= files.length && here === files.length) finish();
  });
  void worker.terminate();
  let leftover = 0;
  done.forEach((isDone, index) => {
    if (!isDone) {
      consume(index, undefined);
      leftover++;
    }
  });
  if (leftover > 0) log(`reader thread stopped early: ${leftover} files read here`);
}
