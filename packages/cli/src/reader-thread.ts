/**
 * The reader thread of `readAhead` (read-ahead.ts), bundled on its own as dist/reader.js: it loads
 * nothing but fs, so it starts in a fraction of the CLI's time.
 */
import { readFileSync } from "node:fs";
import { workerData } from "node:worker_threads";
import { FINISHED, NEXT, PENDING, POSTED, type ReadChunk, type ReaderData } from "./read-ahead.js";

const { files, state, port, maxPending } = workerData as ReaderData;

// Small chunks first, so the main thread gets texts early; larger ones once both are under way.
const FIRST_CHUNK = 16;
const LARGEST_CHUNK = 128;

function readChunk(start: number, end: number): ReadChunk {
  const chunk: ReadChunk = { start, texts: [] };
  for (let index = start; index < end; index++) {
    try {
      chunk.texts.push(readFileSync(files[index]!, "utf8"));
    } catch (error) {
      chunk.texts.push({ code: (error as NodeJS.ErrnoException).code, message: (error as Error).message });
    }
  }
  return chunk;
}

try {
  for (let size = FIRST_CHUNK; ; size = Math.min(LARGEST_CHUNK, size * 2)) {
    for (let pending = Atomics.load(state, PENDING); pending > maxPending; pending = Atomics.load(state, PENDING)) {
      Atomics.wait(state, PENDING, pending, 20);
    }
    const start = Atomics.add(state, NEXT, size);
    if (start >= files.length) break;
    const chunk = readChunk(start, Math.min(files.length, start + size));
    Atomics.add(state, PENDING, chunk.texts.reduce((sum, text) => sum + (typeof text === "string" ? text.length : 0), 0));
    port.postMessage(chunk);
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  }
} finally {
  Atomics.store(state, FINISHED, 1);
  Atomics.notify(state, POSTED);
  port.close();
}
