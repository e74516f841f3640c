import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readAhead, type ReadFailure } from "../src/read-ahead.js";

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

describe("readAhead", () => {
  it("hands over every file exactly once, with its own text, whichever thread read it", async () => {
    const files = writeFiles(3000);
    const seen = new Map<number, string | ReadFailure | undefined>();
    await readAhead(files, (index, text) => {
      expect(seen.has(index), `file ${index} handed over twice`).toBe(false);
      seen.set(index, text);
      busy(100);
    });
    expect(seen.size).toBe(files.length);
    const byReader = [...seen].filter(([, text]) => text !== undefined);
    for (const [index, text] of byReader) expect(text).toBe(`{ "count": ${index} }`);
    // The first ones are read here while the reader starts; it reads the rest.
    expect(seen.get(0)).toBeUndefined();
    expect(seen.get(files.length - 1)).toBe(`{ "count": ${files.length - 1} }`);
  });

  it("passes on why a file could not be read, for the caller to report", async () => {
    const files = writeFiles(3000);
    files.push(join(dir, "missing.anchor.json"), join(dir, "folder.anchor.json"));
    mkdirSync(files[files.length - 1]!);
    const texts: (string | ReadFailure | undefined)[] = [];
    await readAhead(files, (index, text) => {
      texts[index] = text;
      busy(100);
    });
    expect(texts.slice(-2)).toEqual([
      { code: "ENOENT", message: expect.stringContaining("no such file") },
      { code: "EISDIR", message: expect.stringContaining("directory") },
    ]);
  });

  it("reads nothing ahead of an empty list", async () => {
    const texts: unknown[] = [];
    await readAhead([], (_, text) => texts.push(text));
    expect(texts).toEqual([]);
  });
});
