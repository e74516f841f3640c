import { describe, expect, it } from "vitest";
import { architectureProblems, importCycles, importViolations, longFiles, MAX_LINES, sourceFiles } from "../scripts/architecture.mjs";

// The layers of the house: core <- node <- cli, language-server; extension -> language-server.

describe("the workspace", () => {
  it("keeps its layers, has no import cycle and no hand-written source file over the limit", () => {
    expect(architectureProblems()).toEqual([]);
  });

  it("looks at the hand-written sources of every package, not at generated or built files", () => {
    const files = sourceFiles();
    for (const folder of ["packages/core/src/", "packages/node/src/", "packages/cli/src/", "packages/language-server/src/handlers/", "apps/vscode-extension/src/"]) {
      expect(files.some((file) => file.startsWith(folder)), folder).toBe(true);
    }
    expect(files.filter((file) => file.includes("/generated/") || file.includes("/dist/") || file.includes("node_modules/"))).toEqual([]);
  });
});

describe("the checks", () => {
  const made = (files: Record<string, string>) => [Object.keys(files), (file: string) => files[file]!] as const;

  it("find a package importing one it must not, by name or by a relative path, but not in a comment or a string", () => {
    const [files, read] = made({
      "packages/language-server/src/a.ts": 'import { run } from "@anchor-lint/cli";\n// import "@anchor-lint/cli/x"\nconst text = \'import "@anchor-lint/cli"\';\n',
      "packages/cli/src/b.ts": 'export { startServer } from "../../language-server/src/server.js";\n',
      "packages/node/src/c.ts": 'const cli = await import("@anchor-lint/cli");\n',
      "packages/core/src/d.ts": 'import { AnchorLint } from "@anchor-lint/node";\n',
      "packages/cli/src/e.ts": 'import { lint } from "@anchor-lint/core";\nimport { discover } from "@anchor-lint/node";\n',
      "apps/vscode-extension/src/f.ts": 'import { startServer } from "../../../packages/language-server/src/server.js";\n',
    });
    expect(importViolations(files, read)).toEqual([
      'packages/language-server/src/a.ts: imports "@anchor-lint/cli" (@anchor-lint/language-server must not depend on @anchor-lint/cli)',
      'packages/cli/src/b.ts: imports "../../language-server/src/server.js" (@anchor-lint/cli must not depend on @anchor-lint/language-server)',
      'packages/node/src/c.ts: imports "@anchor-lint/cli" (@anchor-lint/node must not depend on @anchor-lint/cli)',
      'packages/core/src/d.ts: imports "@anchor-lint/node" (@anchor-lint/core must not depend on @anchor-lint/node)',
    ]);
  });

  it("find import cycles, type-only ones and ones through a package's entry included", () => {
    const [files, read] = made({
      "packages/core/src/index.ts": 'export * from "./rule.js";\n',
      "packages/core/src/rule.ts": 'import type { Doc } from "./source/document.js";\n',
      "packages/core/src/source/document.ts": 'import type { Rule } from "../rule.js";\n',
      "packages/core/src/self.ts": 'import "./self.js";\n',
      "packages/core/src/leaf.ts": "export const x = 1;\n",
      "packages/node/src/index.ts": 'import { x } from "@anchor-lint/core";\nexport * from "./a.js";\n',
      "packages/node/src/a.ts": 'import "@anchor-lint/node";\n',
    });
    expect(importCycles(files, read)).toEqual([
      ["packages/core/src/rule.ts", "packages/core/src/source/document.ts"],
      ["packages/core/src/self.ts"],
      ["packages/node/src/a.ts", "packages/node/src/index.ts"],
    ]);
  });

  it(`find files over ${MAX_LINES} lines`, () => {
    const [files, read] = made({ "a.ts": "x\n".repeat(MAX_LINES), "b.ts": "x\n".repeat(MAX_LINES + 1) });
    expect(longFiles(files, read)).toEqual([{ file: "b.ts", lines: MAX_LINES + 1 }]);
  });
});
