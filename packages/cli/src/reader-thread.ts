/**
 * The reader thread of `readAhead` (read-ahead.ts), bundled on its own as dist/reader.cjs: it loads
 * nothing but fs (and the Node API's reader, which uses nothing else), so it starts in a fraction of
 * the CLI's time.
 */
import { readRegularFile } from "@anchor-lint/node/read";
import { workerData } from "node:worker_threads";
import { CHUNK_CHARACTERS, FINISHED, NEXT, PENDING, POSTED, type ReadChunk, type ReaderData } from "./read-ahead.js";

const { files, state, port, maxPending } = workerData as ReaderData;

// Small chunks first, so the main thread gets texts early; larger ones once both are under way.
const FIRST_CHUNK = 16;
const LARGEST_CHUNK = 128;

let chunk: ReadChunk = { indices: [], texts: [] };
let characters = 0;
let limit = FIRST_CHUNK;

function post(): void {
  if (chunk.indices.length === 0) return;
  Atomics.add(state, PENDING, characters);
  port.postMessage(chunk);
  Atomics.add(state, POSTED, 1);
  Atomics.notify(state, POSTED);
  chunk = { indices: [], texts: [] };
  characters = 0;
  limit = Math.min(LARGEST_CHUNK, limit * 2);
}

try {
  for (;;) {
    // Far ahead of the linting: hand over what is read, then wait before reading more.
    if (Atomics.load(state, PENDING) + characters > maxPending) post();
    for (let pending = Atomics.load(state, PENDING); pending > maxPending; pending = Atomics.load(state, PENDING)) {
      Atomics.wait(state, PENDING, pending, 20);
    }
    const index = Atomics.add(state, NEXT, 1);
    if (index >= files.length) break;
    chunk.indices.push(index);
    // Regular files only: a named pipe or a device would block this thread, and the run, for good.
    const text = readRegularFile(files[index]!);
    chunk.texts.push(text);
    if (typeof text === "string") characters += text.length;
    if (chunk.indices.length >= limit || characters >= CHUNK_CHARACTERS) post();
  }
  post();
} finally {
  Atomics.store(state, FINISHED, 1);
  Atomics.notify(state, POSTED);
  port.close();
}
