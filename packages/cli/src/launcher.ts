/**
 * `anchor-lint` itself (dist/anchor-lint.js): loads the command's bundle (dist/anchor-lint.cjs) with
 * V8's code cache (dist/anchor-lint.cache, written by the build from a training run), so that a run
 * neither parses the bundle nor compiles the functions it calls. Without a usable cache (another
 * Node version, other V8 flags) V8 says so and compiles as usual: only slower, never different.
 * CommonJS because ES modules cannot take a code cache, and load slower in Node 20 besides.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/** The bundle's name in the code cache, and so in stack traces of runs that use the cache. */
const TRAINING_NAME = "node_modules/@anchor-lint/cli/dist/anchor-lint.cjs";
const bundle = fileURLToPath(new URL("./anchor-lint.cjs", import.meta.url));
const cacheFile = fileURLToPath(new URL("./anchor-lint.cache", import.meta.url));

const code = readFileSync(bundle);
// V8 checks a cache against the source's length only: the cache starts with the digest of the
// bundle it was made from, so that a cache never meets another bundle.
const digest = createHash("sha256").update(code).digest();
let cachedData: Buffer | undefined;
let codeCache = "none";
try {
  const file = readFileSync(cacheFile);
  if (file.subarray(0, digest.length).equals(digest)) cachedData = file.subarray(digest.length);
  else codeCache = "not used: made for another build";
} catch {
  cachedData = undefined;
}
// Node's own CommonJS wrapper, so the bundle runs as if required.
const source = `(function (exports, require, module, __filename, __dirname) {${code.toString("utf8")}\n})`;
// The build's training run: after linting varied files, every function they need is compiled.
const training = process.env.ANCHOR_LINT_WRITE_CODE_CACHE === "1";
// V8 keeps the script's name in the code cache, and a run from the cache names that in its stack
// traces: trained under its own path, every installed copy would show (and publish) the building
// machine's. Trained under the path the bundle has in a project instead.
const filename = training ? TRAINING_NAME : bundle;
const script = new Script(source, { filename, ...(cachedData ? { cachedData } : {}) });
if (cachedData) codeCache = script.cachedDataRejected ? "rejected by V8 (another Node version or other flags)" : "used";

const module = { exports: {} as { main: (argv: readonly string[], launch: object) => Promise<void> } };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

void module.exports.main(process.argv.slice(2), {
  codeCache,
  ...(training ? { beforeExit: () => writeFileSync(cacheFile, Buffer.concat([digest, script.createCachedData()])) } : {}),
});
