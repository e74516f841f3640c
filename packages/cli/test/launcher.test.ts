import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

// The built command, copied so that each test can spoil its code cache in its own folder.
const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const example = fileURLToPath(new URL("../../../examples/spec-large-batch.anchor.json", import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "anchor-lint-launcher-"));
  for (const file of ["anchor-lint.js", "anchor-lint.cjs", "anchor-lint.cache", "reader.cjs"]) copyFileSync(join(dist, file), join(dir, file));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function lintExample() {
  const result = spawnSync(process.execPath, [join(dir, "anchor-lint.js"), "--debug", "--no-config", "-f", "compact", example], { encoding: "utf8" });
  const cache = /code cache: (.*) \(/.exec(result.stderr)?.[1];
  return { status: result.status, stdout: result.stdout, cache };
}

describe("the launcher and its code cache", () => {
  it("uses the cache the build made", () => {
    const run = lintExample();
    expect(run.cache).toBe("used");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("[count-range]");
  });

  it("gives the same results without a cache, with one made for another bundle, or with a damaged one", () => {
    const expected = lintExample().stdout;
    const cacheFile = join(dir, "anchor-lint.cache");
    const cache = readFileSync(cacheFile);

    // Made for another build: the digest at its start is not this bundle's.
    const other = Buffer.from(cache);
    other[0] = other[0]! ^ 0xff;
    writeFileSync(cacheFile, other);
    expect(lintExample()).toEqual({ status: 1, stdout: expected, cache: "not used: made for another build" });

    // This bundle's digest, but not V8's data: V8 refuses it.
    writeFileSync(cacheFile, Buffer.concat([cache.subarray(0, 32), Buffer.alloc(4096, 7)]));
    expect(lintExample()).toEqual({ status: 1, stdout: expected, cache: "rejected by V8 (another Node version or other flags)" });

    rmSync(cacheFile);
    expect(lintExample()).toEqual({ status: 1, stdout: expected, cache: "none" });
  });
});
