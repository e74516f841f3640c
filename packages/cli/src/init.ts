import { existsSync, lstatSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { CONFIG_FILE, displayPath } from "@anchor-lint/node";
import { describeFsError, UsageError } from "./errors.js";

/** Where the config's JSON Schema is, below a project that installed the CLI. */
const INSTALLED_SCHEMA = ["node_modules", "@anchor-lint", "cli", "schema", "anchor-lint.config.schema.json"];

/**
 * The `$schema` reference for a config written in `folder`, relative to it as editors resolve it: to
 * the schema of the nearest installed CLI at or above the folder; with none installed, to where
 * installing it in the nearest project (a folder with package.json) puts it, else beside the config.
 */
export function schemaReference(folder: string): string {
  let project: string | undefined;
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ...INSTALLED_SCHEMA))) return relativeReference(folder, dir);
    project ??= existsSync(join(dir, "package.json")) ? dir : undefined;
    if (dirname(dir) === dir) break;
  }
  return relativeReference(folder, project ?? folder);
}

function relativeReference(folder: string, root: string): string {
  const path = [relative(folder, root), ...INSTALLED_SCHEMA].filter(Boolean).join("/").split(sep).join("/");
  return path.startsWith("..") ? path : `./${path}`;
}

const starterConfig = (schema: string) => `{
  "$schema": ${JSON.stringify(schema)},
  "rules": {
    "strict-json": "error",
    "known-property": "warn"
  },
  "maxCount": 1000,
  "ignores": ["node_modules/", "fixtures/"],
  "overrides": [
    {
      "files": ["drafts/**"],
      "rules": { "known-property": "off" }
    }
  ]
}
`;

const EXAMPLE = `{
  "count": 10,
  "configuration": {
    "browser": {
      "headless": { "active": true },
      "viewport": { "width": 1440, "height": 900 }
    },
    "session": {
      "recording": { "active": false },
      "timeout": { "max_duration": 20, "idle_timeout": 5 }
    }
  },
  "metadata": { "project": "example" }
}
`;

/**
 * Whether something is at `path`, followed or not: a dangling symbolic link or a link loop is there
 * too (writing through it would create its target or fail), so --init leaves it alone.
 */
function taken(path: string, shown: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new UsageError(`cannot write ${shown}: ${describeFsError(error)}`);
  }
}

/**
 * Writes the starter files that are absent into `folder`; never overwrites. Returns one line per file,
 * naming it relative to `cwd`. Both names are looked at before either file is written, so a run
 * that stops at one has not written the other.
 */
export function init(folder: string, cwd = folder): { lines: string[]; wrote: number } {
  const targets = ([
    [CONFIG_FILE, starterConfig(schemaReference(folder))],
    ["example.anchor.json", EXAMPLE],
  ] as const).map(([name, text]) => {
    const path = join(folder, name);
    const shown = displayPath(cwd, path);
    return { path, shown, text, present: taken(path, shown) };
  });
  const lines: string[] = [];
  let wrote = 0;
  for (const { path, shown, text, present } of targets) {
    if (present) {
      lines.push(`${shown} already exists; left unchanged.`);
      continue;
    }
    try {
      writeFileSync(path, text, { flag: "wx" });
    } catch (error) {
      // Made meanwhile, or the folder refuses writes: say so, and what was written already.
      throw new UsageError(`cannot write ${shown}: ${describeFsError(error)}`, lines.filter((line) => line.startsWith("Wrote ")).map((line) => `  ${line}`));
    }
    lines.push(`Wrote ${shown}.`);
    wrote++;
  }
  return { lines, wrote };
}
