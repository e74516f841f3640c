// Bundles the client and the language server into dist/, the only code the .vsix ships.
import { build } from "esbuild";
import { copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
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

if (existsSync(serverEntry)) {
  await build({
    ...common,
    entryPoints: [serverEntry],
    outfile: here("dist/server.cjs"),
  });
} else {
  // TEMPORARY while packages/language-server is being written.
  console.warn(`build.mjs: ${serverEntry} not found; no server bundled`);
  await writeFile(here("dist/server.cjs"), "");
}

if (existsSync(configSchema)) {
  await copyFile(configSchema, here("dist/anchor-lint.config.schema.json"));
} else {
  // Keeps the manifest's jsonValidation entry valid until the CLI ships its schema.
  console.warn(`build.mjs: ${configSchema} not found; anchor-lint.config.json gets no completion`);
  await writeFile(here("dist/anchor-lint.config.schema.json"), JSON.stringify({ type: "object" }) + "\n");
}
