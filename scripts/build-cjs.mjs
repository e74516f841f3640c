// The CommonJS build, dist/cjs/, of the package in the working folder (each package's build runs it
// there): `require("@anchor-lint/core")` and `require("@anchor-lint/node")` work on every Node the
// packages support (require() of ES modules needs Node >= 20.19). One bundle per entry, dependencies
// left as requires; its own package.json makes Node and TypeScript read dist/cjs/ as CommonJS, and
// the declarations are tsc's, copied next to it so that TypeScript's `require` resolution sees CommonJS types.
//   node ../../scripts/build-cjs.mjs [--platform=node] src/index.ts [src/other.ts ...]
import { build } from "esbuild";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

const args = process.argv.slice(2);
// The core runs in browsers too ("neutral": no Node built-in may slip in); the Node API uses them.
const platform = args.includes("--platform=node") ? "node" : "neutral";
const entries = args.filter((arg) => !arg.startsWith("--"));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));

rmSync("dist/cjs/", { recursive: true, force: true });
for (const entry of entries) {
  await build({
    entryPoints: [entry],
    outfile: join("dist/cjs", basename(entry).replace(/\.ts$/, ".js")),
    bundle: true,
    platform,
    format: "cjs",
    target: "es2022",
    // jsonc-parser's "main" is a UMD build (TOOLCHAIN.md pitfall 4); it stays external anyway.
    mainFields: ["module", "main"],
    external: Object.keys(pkg.dependencies ?? {}),
    legalComments: "none",
    logLevel: "warning",
  });
}
writeFileSync("dist/cjs/package.json", '{ "type": "commonjs" }\n');

/** Copies every declaration file of dist/ (tsc's output) into dist/cjs/, keeping the folders. */
function copyDeclarations(from, to) {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === "cjs") continue;
    if (entry.isDirectory()) copyDeclarations(`${from}${entry.name}/`, `${to}${entry.name}/`);
    else if (entry.name.endsWith(".d.ts")) {
      mkdirSync(to, { recursive: true });
      cpSync(`${from}${entry.name}`, `${to}${entry.name}`);
    }
  }
}
copyDeclarations("dist/", "dist/cjs/");
