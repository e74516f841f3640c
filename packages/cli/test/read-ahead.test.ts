import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NEXT, readAhead, type ReadFailure } from "../src/read-ahead.js";

// The reader thread runs from its bundle (`pnpm build` makes it, as `pnpm test` does first).
const readerUrl = new URL("../dist/reader.cjs", import.meta.url);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "anchor-lint-read-ahead-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Stands in for linting: long enough per file that the reader thread starts before this one is done. */
function busy(microseconds: number): void {
  const until = performance.now() + microseconds / 1000;
  while (performance.now() < until);
}

function writeFiles(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const file = join(dir, `job-${index}.anchor.json`);
    writeFileSync(file, `{ "count": ${index} }`);
    return file;
  });
}

type Handed = string | ReadFailure | undefined;

async function handOver(files: string[], reader: URL | undefined, microseconds = 100, log: string[] = []): Promise<Map<number, Handed>> {
  const seen = new Map<number, Handed>();
  await readAhead(
    files,
    reader,
    (index, text) => {
      expect(seen.has(index), `file ${index} handed over twice`).toBe(false);
      seen.set(index, text);
      busy(microseconds);
    },
    (line) => log.push(line),
  );
  return seen;
}

describe("readAhead", () => {
  it("is built", () => {
    expect(existsSync(readerUrl), "run `pnpm build` first").toBe(true);
  });

  it("hands over every file exactly once, with its own text, whichever thread read it", async () => {
    const files = writeFiles(3000);
    const seen = await handOver(files, readerUrl);
    expect(seen.size).toBe(files.length);
    const byReader = [...seen].filter(([, text]) => text !== undefined);
    for (const [index, text] of byReader) expect(text).toBe(`{ "count": ${index} }`);
    // This thread reads the first ones while the reader starts; the reader, most of the rest.
    expect(seen.get(0)).toBeUndefined();
    expect(byReader.length).toBeGreaterThan(files.length / 2);
  });

  it("passes on why a file could not be read, for the caller to report", async () => {
    const files = writeFiles(3000);
    files.push(join(dir, "missing.anchor.json"), join(dir, "folder.anchor.json"));
    mkdirSync(files[files.length - 1]!);
    const seen = await handOver(files, readerUrl);
    expect([seen.get(3000), seen.get(3001)]).toEqual([
      { code: "ENOENT", message: expect.stringContaining("no such file") },
      { code: "EISDIR", message: expect.stringContaining("directory") },
    ]);
  });

  it("leaves every file to this thread without a reader, or when the reader cannot start", async () => {
    const files = writeFiles(200);
    for (const reader of [undefined, new URL("missing-reader.cjs", readerUrl)]) {
      const seen = await handOver(files, reader, 0);
      expect(seen.size).toBe(files.length);
      expect([...seen.values()].every((text) => text === undefined)).toBe(true);
    }
  });

  it("reads here the files a reader claimed and never delivered", async () => {
    expect(NEXT).toBe(0); // the dying reader's claim uses this counter
    const files = writeFiles(300);
    const log: string[] = [];
    const seen = await handOver(files, new URL("./fixtures/dying-reader.mjs", import.meta.url), 1000, log);
    expect(seen.size).toBe(files.length);
    expect([...seen.values()].every((text) => text === undefined)).toBe(true);
    expect(log.join("\n")).toContain("(100 after the reader stopped)");
  });

  it("does nothing for no files", async () => {
    expect((await handOver([], readerUrl)).size).toBe(0);
  });
});
