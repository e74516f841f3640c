// Holds findings equal across a change: lints, fixes and validates every file of the varied corpus (two
// seeds, so 20,000 files by default) with the core build in `packages/core/dist` and with another build
// (a copy of an earlier dist), and reports every file whose findings, messages, ranges or fixes differ.
//   cp -r packages/core/dist packages/core/node_modules/.before   # before the change (where its imports resolve)
//   node bench/varied/same-findings.mjs packages/core/node_modules/.before [files per seed]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { writeVariedCorpus } from "./corpus.mjs";

const [before, count = "10000"] = process.argv.slice(2);
if (!before) throw new Error("usage: node bench/varied/same-findings.mjs <dist of the build before> [files per seed]");
const oldCore = await import(pathToFileURL(join(resolve(before), "index.js")).href);
const newCore = await import("../../packages/core/dist/index.js");

function outcome(core, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  return JSON.stringify({
    lint: core.lint(text),
    fix: core.fix(text),
    validate: value === undefined ? null : core.validate(value),
  });
}

const root = mkdtempSync(join(tmpdir(), "anchor-lint-same-"));
let differ = 0;
let total = 0;
try {
  for (const seed of [42, 7]) {
    for (const file of writeVariedCorpus(join(root, String(seed)), Number(count), seed)) {
      const text = readFileSync(file, "utf8");
      total++;
      const a = outcome(oldCore, text);
      const b = outcome(newCore, text);
      if (a !== b) {
        differ++;
        if (differ <= 5) console.log(`differs: ${file}\n  before: ${a.slice(0, 600)}\n  after:  ${b.slice(0, 600)}`);
      }
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(`${total} files: ${differ} differ`);
process.exit(differ === 0 ? 0 : 1);
