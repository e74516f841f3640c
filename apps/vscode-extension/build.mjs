// Bundles the client and the language server into dist/, the only code the .vsix ships.
import { build } from "esbuild";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const serverEntry = here("../../packages/language-server/src/main.ts");
const configSchema = here("../../packages/cli/schema/anchor-lint.config.schema.json");

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // jsonc-parser's "main" is a UMD build whose dynamic requires break once bundled.
  mainFields: ["module", "main"],
  minify: true,
  sourcemap: false,
  logLevel: "warning",
};

await rm(here("dist"), { recursive: true, force: true });
await mkdir(here("dist"));

await build({
  ...common,
  entryPoints: [here("src/extension.ts")],
  outfile: here("dist/extension.cjs"),
  external: ["vscode"],
});

// The server's serverInfo.version, as its own build writes it in.
const { version: serverVersion } = JSON.parse(await readFile(here("../../packages/language-server/package.json"), "utf8"));

await build({
  ...common,
  entryPoints: [serverEntry],
  define: { ANCHOR_LINT_SERVER_VERSION: JSON.stringify(serverVersion) },
  outfile: here("dist/server.cjs"),
  // The Node API from source, as the server's own build takes it: no need for its dist.
  alias: { "@anchor-lint/node": here("../../packages/node/src/index.ts") },
});

// The CLI's schema of anchor-lint.config.json, for completion and validation of that file.
await copyFile(configSchema, here("dist/anchor-lint.config.schema.json"));
