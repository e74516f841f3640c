// Writes schema/anchor-lint.config.schema.json from the core's rule metadata (`pnpm --filter
// @anchor-lint/cli generate`). A test fails when the committed file is stale.
import { build } from "esbuild";
import { rmSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const here = new URL("../", import.meta.url);
const temporary = new URL(`dist/.config-schema.${process.pid}.mjs`, here);
await build({
  entryPoints: [new URL("scripts/config-schema-entry.ts", here).pathname],
  outfile: temporary.pathname,
  bundle: true,
  platform: "node",
  format: "esm",
  mainFields: ["module", "main"],
  alias: { "@anchor-lint/core": new URL("../core/src/index.ts", here).pathname },
  banner: { js: 'import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);' },
  logLevel: "warning",
});
try {
  const { configSchemaText } = await import(pathToFileURL(temporary.pathname).href);
  writeFileSync(new URL("schema/anchor-lint.config.schema.json", here), configSchemaText());
} finally {
  rmSync(temporary);
}
