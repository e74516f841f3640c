// Builds the command so that start-up does no work that could have been done here:
// - dist/anchor-lint.cjs: the CLI, the Node API, the core and their dependencies in one CommonJS file (src/bin.ts);
// - dist/anchor-lint.js: the `anchor-lint` launcher (src/launcher.ts), which loads the bundle with
// - dist/anchor-lint.cache: V8's code cache of the bundle, from a training run on varied files;
// - dist/reader.cjs: the reader thread (src/reader-thread.ts).
// (The config's JSON Schema is written by scripts/config-schema.mjs.)
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = new URL(".", import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, here));

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow (TOOLCHAIN.md pitfall 4).
  mainFields: ["module", "main"],
  // Bundle the core and the Node API from their sources: always current, no need for their tsc output.
  alias: { "@anchor-lint/core": path("../core/src/index.ts"), "@anchor-lint/node/read": path("../node/src/read.ts"), "@anchor-lint/node": path("../node/src/index.ts") },
  legalComments: "none",
  logLevel: "warning",
  write: false,
};

/** Writes through a temporary file and a rename, so a process starting the CLI meanwhile never reads half a file. */
function writeAtomically(file, contents, mode = 0o644) {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents, { mode });
  renameSync(temporary, file);
}

async function bundle(entry, outfile, { mode, ...options }) {
  const result = await build({ ...common, entryPoints: [path(entry)], outfile: path(outfile), ...options });
  writeAtomically(path(outfile), result.outputFiles[0].contents, mode);
}

mkdirSync(path("dist/"), { recursive: true });
// A cache made for a previous bundle must not outlive it (the launcher would refuse it anyway).
rmSync(path("dist/anchor-lint.cache"), { force: true });
// Bundled ES modules (fdir) read import.meta.url, which CommonJS has not: give them the bundle's URL.
const importMetaUrl = {
  define: { "import.meta.url": "__anchorLintImportMetaUrl" },
  banner: { js: 'var __anchorLintImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};
await bundle("src/bin.ts", "dist/anchor-lint.cjs", { format: "cjs", ...importMetaUrl });
await bundle("src/reader-thread.ts", "dist/reader.cjs", { format: "cjs", ...importMetaUrl });
await bundle("src/launcher.ts", "dist/anchor-lint.js", { format: "esm", banner: { js: "#!/usr/bin/env node" }, mode: 0o755 });

// Training: lint files with every kind of finding, in every format and with fixes (dry run, nothing
// is written), so that the cache holds the functions a real run calls. Each run starts from the
// cache of the previous one and adds what it compiled.
const inputs = [path("../../examples/")];
for (const scenario of readdirSync(path("test/scenarios/"))) {
  const input = path(`test/scenarios/${scenario}/input/`);
  if (existsSync(input)) inputs.push(input);
}
const training = [
  ["--format", "json", "--fix-dry-run"],
  ["--format", "stylish", "--color"],
  ["--format", "sarif"],
  ["--format", "github"],
  ["--format", "junit"],
  ["--format", "compact"],
];
for (const options of training) {
  // --no-config: some scenarios hold deliberately broken configs; --concurrency 1: no threads to train;
  // some scenario inputs hold no *.anchor.json at all.
  const result = spawnSync(process.execPath, [path("dist/anchor-lint.js"), "--no-config", "--no-error-on-unmatched-pattern", "--concurrency", "1", ...options, ...inputs], {
    env: { ...process.env, ANCHOR_LINT_WRITE_CODE_CACHE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0 && result.status !== 1) throw new Error(`training run ${options.join(" ")} failed (${result.status}): ${result.stderr}`);
}
if (!existsSync(path("dist/anchor-lint.cache"))) throw new Error("the training runs wrote no code cache");
