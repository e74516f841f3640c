// The floor: the least a checker must do. Find the files, read each, JSON.parse it and run one
// ajv validator compiled from the core's request schema. No ranges, no messages, no rules.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(new URL("../../packages/core/package.json", import.meta.url));
const Ajv = require("ajv").default;
const addFormats = require("ajv-formats").default;
const schema = require("./src/generated/request.schema.json");

const dir = process.argv[2];
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let invalid = 0;
let files = 0;
for (const entry of readdirSync(dir, { recursive: true })) {
  if (!entry.endsWith(".anchor.json")) continue;
  files++;
  try {
    if (!validate(JSON.parse(readFileSync(join(dir, entry), "utf8")))) invalid++;
  } catch {
    invalid++;
  }
}
process.stdout.write(`${JSON.stringify({ files, invalid })}\n`);
