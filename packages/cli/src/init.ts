import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE, displayPath } from "@anchor-lint/node";

const STARTER_CONFIG = `{
  "$schema": "./node_modules/@anchor-lint/cli/schema/anchor-lint.config.schema.json",
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
 * Writes the starter files that are absent into `folder`; never overwrites. Returns one line per file,
 * naming it relative to `cwd`.
 */
export function init(folder: string, cwd = folder): { lines: string[]; wrote: number } {
  const lines: string[] = [];
  let wrote = 0;
  for (const [name, text] of [
    [CONFIG_FILE, STARTER_CONFIG],
    ["example.anchor.json", EXAMPLE],
  ] as const) {
    const path = join(folder, name);
    const shown = displayPath(cwd, path);
    if (existsSync(path)) {
      lines.push(`${shown} already exists; left unchanged.`);
      continue;
    }
    writeFileSync(path, text, { flag: "wx" });
    lines.push(`Wrote ${shown}.`);
    wrote++;
  }
  return { lines, wrote };
}
