// Bundles the server, the core and the Node API (config resolution) into one file, dist/server.js, the package's `bin`.
import { build } from "esbuild";
import { chmod, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
// Tests build to a temporary file and rename it into place, so parallel runs never see half a file.
const outIndex = process.argv.indexOf("--outfile");
const outfile = outIndex > 0 ? process.argv[outIndex + 1] : here("dist/server.js");

const { version } = JSON.parse(await readFile(here("package.json"), "utf8"));

await build({
  entryPoints: [here("src/main.ts")],
  outfile,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // jsonc-parser's "main" is a UMD build whose dynamic requires break once bundled.
  mainFields: ["module", "main"],
  // The core and the Node API from source: always in step with them, whatever state their own builds are in.
  alias: { "@anchor-lint/core": here("../core/src/index.ts"), "@anchor-lint/node": here("../node/src/index.ts") },
  // vscode-languageserver is CommonJS and requires Node built-ins; an ESM bundle needs a require.
  banner: { js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
  // serverInfo.version and --version.
  define: { ANCHOR_LINT_SERVER_VERSION: JSON.stringify(version) },
  minify: false,
  sourcemap: false,
  logLevel: "warning",
});
await chmod(outfile, 0o755);
