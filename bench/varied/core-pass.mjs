// One side of the in-process core bench, in a fresh process so the first pass is cold as in a CLI run:
// `node core-pass.mjs lint|floor <list-file>` reads the list of paths, lints (or floor-checks) each
// file once (cold), then once more (warm), and prints both times as JSON.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const [side, list] = process.argv.slice(2);
const files = readFileSync(list, "utf8").split("\n").filter(Boolean);
let check;
if (side === "floor") {
  const require = createRequire(new URL("../../packages/core/package.json", import.meta.url));
  const Ajv = require("ajv").default;
  const addFormats = require("ajv-formats").default;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(require("./src/generated/request.schema.json"));
  check = (text) => {
    try {
      return validate(JSON.parse(text)) ? 0 : 1;
    } catch {
      return 1;
    }
  };
} else {
  const { lint } = await import("../../packages/core/dist/index.js");
  check = (text) => (lint(text).length > 0 ? 1 : 0);
}

function pass() {
  const start = process.hrtime.bigint();
  let flagged = 0;
  for (const file of files) flagged += check(readFileSync(file, "utf8"));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, flagged };
}
const cold = pass();
const warm = pass();
process.stdout.write(`${JSON.stringify({ cold: cold.ms, warm: warm.ms, flagged: cold.flagged })}\n`);
