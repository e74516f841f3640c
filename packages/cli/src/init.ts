import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONFIG_FILE } from "@anchor-lint/node";

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

/** Writes the starter files that are absent; never overwrites. Returns one line per file. */
export function init(cwd: string): { lines: string[]; wrote: number } {
  const lines: string[] = [];
  let wrote = 0;
  for (const [name, text] of [
    [CONFIG_FILE, STARTER_CONFIG],
    ["example.anchor.json", EXAMPLE],
  ] as const) {
    const path = join(cwd, name);
    if (existsSync(path)) {
      lines.push(`${name} already exists; left unchanged.`);
      continue;
    }
    writeFileSync(path, text, { flag: "wx" });
    lines.push(`Wrote ${name}.`);
    wrote++;
  }
  return { lines, wrote };
}
