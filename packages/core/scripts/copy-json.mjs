// tsc copies neither JSON imported with attributes nor the generated standalone validator (plain .js + .d.ts).
import { cpSync, mkdirSync } from "node:fs";
mkdirSync(new URL("../dist/generated/", import.meta.url), { recursive: true });
for (const file of ["request.schema.json", "validate-request.js", "validate-request.d.ts"]) {
  cpSync(new URL(`../src/generated/${file}`, import.meta.url), new URL(`../dist/generated/${file}`, import.meta.url));
}
