import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { ReadFailure } from "@anchor-lint/node";

/**
 * A two-stage pipeline for two cores, where a second thread linting never paid for its own start-up
 * and JIT warm-up: a reader thread (dist/reader.cjs, which loads nothing but fs) reads the files while
 * this thread lints them. Reading costs about as much as linting a warm file, and only this thread
 * warms up the rules. The reader stays light on purpose: with two cores, V8 compiles hot code and
 * collects garbage on the second one, and a reader that also parsed and validated each file (to
 * spare this thread that work) made the whole run slower, not faster (532 ms against 493 ms).
 *
 * The threads share counters (an Int32Array over a SharedArrayBuffer) and one message port, which
 * this thread reads synchronously, so it never sleeps while there is work:
 * - NEXT: the next file to claim. Both threads claim one file at a time: the reader to post them in
 *   chunks, this thread to read and lint them itself whenever no chunk is waiting (before the reader
 *   has started, when it falls behind, or when it cannot start at all).
 * - PENDING: characters read but not yet linted. The reader claims no file while it is above
 *   MAX_PENDING, and posts a chunk once it holds CHUNK_CHARACTERS: a walk over huge files never holds
 *   more than about that much in memory.
 * - POSTED: chunks posted, so this thread knows whether one is on its way when there is nothing to claim.
 * - FINISHED: set by the reader when it stops, normally or not.
 */
export const NEXT = 0;
export const PENDING = 1;
export const POSTED = 2;
export const FINISHED = 3;
const COUNTERS = 4;
const MAX_PENDING = 32 * 1024 * 1024;
export const CHUNK_CHARACTERS = 1024 * 1024;

/** A file the reader could not read: its error code (or message), to report as this thread would. */
export type { ReadFailure } from "@anchor-lint/node";

/** What the reader thread is given. */
export interface ReaderData {
  files: readonly string[];
  state: Int32Array;
  port: MessagePort;
  maxPending: number;
}

/** One message from the reader: files (by index) and their texts, or why they could not be read. */
export interface ReadChunk {
  indices: number[];
  texts: (string | ReadFailure)[];
}

/**
 * Hands every file to `consume` exactly once, with its index: with its text (or why it could not be
 * read) when the reader thread got to it, or with `undefined` when this thread must read it.
 * `readerUrl` undefined: everything is read here.
 */
export async function readAhead(
  files: readonly string[],
  readerUrl: URL | undefined,
  consume: (index: number, text: string | ReadFailure | undefined) => void,
  log: (text: string) => void = () => {},
): Promise<void> {
  const state = new Int32Array(new SharedArrayBuffer(COUNTERS * Int32Array.BYTES_PER_ELEMENT));
  const channel = new MessageChannel();
  let worker: Worker | undefined;
  let exited = false;
  if (readerUrl && files.length > 0) {
    try {
      const data: ReaderData = { files, state, port: channel.port2, maxPending: MAX_PENDING };
      worker = new Worker(readerUrl, { workerData: data, transferList: [channel.port2] });
      worker.unref();
      worker.on("error", (error) => log(`reader thread failed: ${error.message}`));
      worker.on("exit", () => (exited = true));
    } catch (error) {
      log(`reader thread did not start (${(error as Error).message}): reading here`);
      worker = undefined;
    }
  }
  if (!worker) Atomics.store(state, FINISHED, 1);

  const done = new Uint8Array(files.length);
  let handled = 0;
  let here = 0;
  let chunks = 0;
  let idleWaits = 0;
  const take = (chunk: ReadChunk) => {
    chunks++;
    let size = 0;
    chunk.texts.forEach((text, offset) => {
      const index = chunk.indices[offset]!;
      if (typeof text === "string") size += text.length;
      consume(index, text);
      done[index] = 1;
      handled++;
    });
    Atomics.sub(state, PENDING, size);
    Atomics.notify(state, PENDING);
  };

  while (handled < files.length) {
    const received = receiveMessageOnPort(channel.port1);
    if (received) {
      take(received.message as ReadChunk);
      continue;
    }
    const index = Atomics.add(state, NEXT, 1);
    if (index < files.length) {
      consume(index, undefined);
      done[index] = 1;
      handled++;
      here++;
      continue;
    }
    // Everything is claimed; the reader's last chunks are on their way, unless it has stopped.
    const posted = Atomics.load(state, POSTED);
    if (posted > chunks) continue;
    if (Atomics.load(state, FINISHED) === 1 || exited) break;
    if (Atomics.wait(state, POSTED, posted, 20) === "timed-out" && ++idleWaits % 25 === 0) {
      // A reader that died without a word (killed, out of memory) only says so through an event.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // Chunks posted just before the reader finished.
  for (let received = receiveMessageOnPort(channel.port1); received; received = receiveMessageOnPort(channel.port1)) {
    take(received.message as ReadChunk);
  }
  channel.port1.close();
  if (worker) void worker.terminate();
  // Files the reader claimed but never posted (it failed): read here.
  let leftover = 0;
  for (let index = 0; index < files.length; index++) {
    if (done[index]) continue;
    consume(index, undefined);
    leftover++;
  }
  log(`linted ${files.length} files: ${files.length - here - leftover} read by the reader thread, ${here + leftover} here${leftover > 0 ? ` (${leftover} after the reader stopped)` : ""}`);
}
