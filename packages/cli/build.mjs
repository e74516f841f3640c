// Bundles the CLI, the core and their dependencies into one file, so that start-up reads one
// module and does no resolution work. (The config's JSON Schema is written by scripts/config-schema.mjs.)
import { build } from "esbuild";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";

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

/** Writes through a temporary file and a rename, so a process starting the CLI meanwhile never reads half a file. */
function writeAtomically(url, contents, mode = 0o644) {
  const temporary = new URL(`${url.href}.${process.pid}.tmp`);
  writeFileSync(temporary, contents, { mode });
  renameSync(temporary, url);
}

const bundle = await build({
  ...common,
  entryPoints: [new URL("src/bin.ts", here).pathname],
  outfile: new URL("dist/anchor-lint.js", here).pathname,
  write: false,
});
mkdirSync(new URL("dist/", here), { recursive: true });
writeAtomically(new URL("dist/anchor-lint.js", here), bundle.outputFiles[0].contents, 0o755);

// The reader thread (src/read-ahead.ts): its own small bundle, so that it starts quickly.
const reader = await build({
  ...common,
  banner: { js: common.banner.js.replace("#!/usr/bin/env node\n", "") },
  entryPoints: [new URL("src/reader-thread.ts", here).pathname],
  outfile: new URL("dist/reader.js", here).pathname,
  write: false,
});
writeAtomically(new URL("dist/reader.js", here), reader.outputFiles[0].contents);

// The library entry `@anchor-lint/cli/config`: the same config resolution, for editors and tools that
// must agree with the command. Its dependencies stay imports, so a host shares one copy of the core.
const library = await build({
  entryPoints: [new URL("src/config.ts", here).pathname],
  outfile: new URL("dist/config.js", here).pathname,
  bundle: true,
  external: ["@anchor-lint/core", "picomatch"],
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  write: false,
});
writeAtomically(new URL("dist/config.js", here), library.outputFiles[0].contents);
