// The CommonJS build, dist/cjs/: `require("@anchor-lint/core")` works on every Node the package supports
// (require() of ES modules needs Node >= 20.19). One bundle of the sources, dependencies left as
// requires; its own package.json makes Node and TypeScript read dist/cjs/ as CommonJS, and the
// declarations are tsc's, copied next to it so that TypeScript's `require` resolution sees CommonJS types.
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const here = (relative) => fileURLToPath(new URL(relative, new URL("../", import.meta.url)));
const pkg = JSON.parse(await import("node:fs").then((fs) => fs.readFileSync(here("package.json"), "utf8")));

rmSync(here("dist/cjs/"), { recursive: true, force: true });
await build({
  entryPoints: [here("src/index.ts")],
  outfile: here("dist/cjs/index.js"),
  bundle: true,
  platform: "neutral",
  format: "cjs",
  target: "es2022",
  // jsonc-parser's "main" is a UMD build (TOOLCHAIN.md pitfall 4); it stays external anyway.
  mainFields: ["module", "main"],
  external: Object.keys(pkg.dependencies),
  legalComments: "none",
  logLevel: "warning",
});
writeFileSync(here("dist/cjs/package.json"), '{ "type": "commonjs" }\n');

/** Copies every declaration file of dist/ (tsc's output) into dist/cjs/, keeping the folders. */
function copyDeclarations(from, to) {
  for (const entry of readdirSync(here(from), { withFileTypes: true })) {
    if (entry.name === "cjs") continue;
    if (entry.isDirectory()) copyDeclarations(`${from}${entry.name}/`, `${to}${entry.name}/`);
    else if (entry.name.endsWith(".d.ts")) {
      mkdirSync(here(to), { recursive: true });
      cpSync(here(`${from}${entry.name}`), here(`${to}${entry.name}`));
    }
  }
}
copyDeclarations("dist/", "dist/cjs/");
