// Bundles the CLI, the core and their dependencies into one file, so that start-up reads one
// module and does no resolution work; then writes the config JSON Schema from the core's rules.
import { build } from "esbuild";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { pathToFileURL } from "node:url";

const here = new URL(".", import.meta.url);

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // jsonc-parser's "main" is a UMD build that esbuild cannot follow (TOOLCHAIN.md pitfall 4).
  mainFields: ["module", "main"],
  // Bundle the core from its sources: always current, no need for its tsc output.
  alias: { "@anchor-lint/core": new URL("../core/src/index.ts", here).pathname },
  // Bundled CommonJS (ajv's runtime helpers) may call require() for Node built-ins.
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __anchorLintCreateRequire } from "node:module";',
      "const require = __anchorLintCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  legalComments: "none",
  logLevel: "warning",
};

await build({
  ...common,
  entryPoints: [new URL("src/bin.ts", here).pathname],
  outfile: new URL("dist/anchor-lint.js", here).pathname,
});

// The editor schema lists the rule ids: generate it from the core's metadata, never by hand.
const tmp = new URL("dist/.config-schema.mjs", here);
await build({
  ...common,
  banner: {},
  entryPoints: [new URL("scripts/config-schema-entry.ts", here).pathname],
  outfile: tmp.pathname,
});
const { configSchemaText } = await import(pathToFileURL(tmp.pathname).href);
mkdirSync(new URL("schema/", here), { recursive: true });
writeFileSync(new URL("schema/anchor-lint.config.schema.json", here), configSchemaText());
rmSync(tmp);
