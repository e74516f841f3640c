// The published packages as a user gets them: packed from a checkout with no build output (prepack
// builds), installed with npm into a project outside the workspace, then used the documented ways.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanCopy, initializeServer, installTarballs, PACK_COMMAND, packAll, publishablePackages, temporaryFolder, unpack, type PackedPackage } from "./harness/packing.js";
import { repoRoot } from "./harness/tools.js";

let scratch: string;
let copy: string;
let packed: PackedPackage[];
let project: string;

beforeAll(() => {
  scratch = temporaryFolder("anchor-lint-pack-");
  copy = cleanCopy(scratch);
  packed = packAll(copy, path.join(scratch, "tarballs"));
  project = installTarballs(packed, scratch);
}, 600_000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const broken = '{\n  "count": 2500\n}\n';
const clean = '{\n  "count": 2,\n  "configuration": { "browser": { "headless": { "active": true } } }\n}\n';

function inProject(command: string, args: string[]) {
  const { FORCE_COLOR: _forced, ...env } = process.env;
  return spawnSync(command, args, { cwd: project, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
}

/** The file targets of an `exports` map, whatever its nesting of conditions. */
function exportTargets(exports: unknown): string[] {
  if (typeof exports === "string") return [exports];
  if (exports && typeof exports === "object") return Object.values(exports).flatMap(exportTargets);
  return [];
}

/** Every regular file under a folder, as paths relative to it. */
function filesUnder(folder: string, prefix = ""): string[] {
  return readdirSync(path.join(folder, prefix)).flatMap((entry) => {
    const relative = path.join(prefix, entry);
    return statSync(path.join(folder, relative)).isDirectory() ? filesUnder(folder, relative) : [relative];
  });
}

describe("the tarballs", () => {
  it("are made by the command the README's Install section gives", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const install = /## Install\n[\s\S]*?\n## /.exec(readme)?.[0] ?? "";
    expect(install).toContain(`pnpm ${PACK_COMMAND.map((arg) => (arg.includes("*") ? `"${arg}"` : arg)).join(" ")} `);
  });

  it("are every publishable package of the workspace", () => {
    expect(packed.map((p) => p.name)).toEqual(publishablePackages().map((p) => p.name));
    expect(packed.map((p) => p.name)).toEqual(expect.arrayContaining(["@anchor-lint/core", "@anchor-lint/cli", "@anchor-lint/language-server"]));
  });

  it("each hold a LICENSE, a README with no relative links, and the built code their package.json names", () => {
    for (const pkg of packed) {
      expect(pkg.files, pkg.name).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
      const root = unpack(pkg.tarball, scratch);
      const manifest = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
      expect(manifest.publishConfig?.access, pkg.name).toBe("public");
      expect(manifest.repository?.url, pkg.name).toMatch(/^git\+https:\/\/github\.com\//);
      expect(manifest.engines?.node, pkg.name).toMatch(/^>=20/);
      expect(JSON.stringify(manifest), `${pkg.name}: workspace: protocol left in`).not.toContain("workspace:");
      expect(readFileSync(path.join(root, "LICENSE"), "utf8")).toBe(readFileSync(path.join(repoRoot, "LICENSE"), "utf8"));
      const links = [...readFileSync(path.join(root, "README.md"), "utf8").matchAll(/\]\(([^)#]+)/g)].map((m) => m[1]!);
      expect(links.filter((link) => !/^https?:\/\//.test(link)), `${pkg.name}: relative links break on the registry's page`).toEqual([]);
      const named = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin ?? {}), ...exportTargets(manifest.exports)];
      for (const file of named.filter(Boolean) as string[]) expect(pkg.files, `${pkg.name} names ${file}`).toContain(path.posix.normalize(file));
    }
  });

  it("hold no path of the machine that built them, and no JSON import attributes", () => {
    for (const pkg of packed) {
      const root = unpack(pkg.tarball, scratch);
      for (const file of filesUnder(root)) {
        const text = readFileSync(path.join(root, file), "latin1");
        for (const machinePath of [copy, repoRoot.replace(/\/$/, ""), scratch]) {
          expect(text.includes(machinePath), `${pkg.name}/${file} holds ${machinePath}`).toBe(false);
        }
        if (/\.(c|m)?js$/.test(file)) expect(text, `${pkg.name}/${file}`).not.toMatch(/\bimport\b[^;]*\bwith\s*\{\s*type\s*:/);
      }
    }
  });
});

describe("installed with npm", () => {
  it("the README's three tarballs alone (core, node, cli) give a working command and Node API", () => {
    // The project above gets every tarball, the language server's too; this one gets what the
    // README's install line names, so a dependency only the server brings cannot hide a missing one.
    const three = installTarballs(packed.filter((p) => ["@anchor-lint/core", "@anchor-lint/node", "@anchor-lint/cli"].includes(p.name)), path.join(scratch, "three"));
    expect(readdirSync(path.join(three, "node_modules", "@anchor-lint")).sort()).toEqual(["cli", "core", "node"]);
    writeFileSync(path.join(three, "broken.anchor.json"), broken);
    const { FORCE_COLOR: _forced, ...env } = process.env;
    const failed = spawnSync("npx", ["--no-install", "anchor-lint", "broken.anchor.json"], { cwd: three, encoding: "utf8", env: { ...env, NO_COLOR: "1" } });
    expect(failed.stderr).toBe("");
    expect(failed.stdout).toContain("Session count must be between 1 and 1000 (found 2500)");
    expect(failed.status).toBe(1);
    const api = spawnSync(process.execPath, ["--input-type=module", "-e", 'const { AnchorLint } = await import("@anchor-lint/node"); const [r] = await new AnchorLint().lintFiles("broken.anchor.json"); console.log(r.findings.map((f) => f.ruleId).join());'], { cwd: three, encoding: "utf8" });
    expect({ stdout: api.stdout.trim(), stderr: api.stderr }).toEqual({ stdout: "count-range", stderr: "" });
  }, 300_000);

  it("`npx anchor-lint` reports a broken file (exit 1) and passes a clean one (exit 0)", () => {
    writeFileSync(path.join(project, "broken.anchor.json"), broken);
    writeFileSync(path.join(project, "clean.anchor.json"), clean);
    const failed = inProject("npx", ["--no-install", "anchor-lint", "broken.anchor.json"]);
    expect(failed.stderr).toBe("");
    expect(failed.stdout).toContain("broken.anchor.json\n  2:12  error  Session count must be between 1 and 1000 (found 2500). The API enforces 1000 although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.  count-range");
    expect(failed.status).toBe(1);
    const passed = inProject("npx", ["--no-install", "anchor-lint", "clean.anchor.json"]);
    expect({ status: passed.status, stdout: passed.stdout, stderr: passed.stderr }).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("the command uses the code cache shipped in the tarball, when Node is the one that built it", () => {
    const run = inProject("npx", ["--no-install", "anchor-lint", "--debug", "clean.anchor.json"]);
    expect(run.stderr).toMatch(/code cache: used/);
  });

  it("the language server answers `initialize` over stdio", async () => {
    const answer = await initializeServer(path.join(project, "node_modules/.bin/anchor-lint-language-server"), ["--stdio"], project);
    expect(answer.result?.capabilities).toMatchObject({ hoverProvider: true, completionProvider: expect.any(Object) });
  });

  it("the core loads with import and with require (its CommonJS build), and lints", () => {
    const lintBroken = `lint(${JSON.stringify(broken)}).map((f) => f.ruleId).join()`;
    const esm = inProject("node", ["--input-type=module", "-e", `import { lint } from "@anchor-lint/core"; console.log(${lintBroken});`]);
    expect({ status: esm.status, stdout: esm.stdout, stderr: esm.stderr }).toEqual({ status: 0, stdout: "count-range\n", stderr: "" });
    const cjs = inProject("node", ["-e", `const { lint } = require("@anchor-lint/core"); console.log(${lintBroken}, require.resolve("@anchor-lint/core"));`]);
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout).toMatch(/^count-range \S+\/node_modules\/@anchor-lint\/core\/dist\/cjs\/index\.js\n$/);
    const schema = inProject("node", ["-e", `console.log(require("@anchor-lint/core/schema.json").required)`]);
    expect(schema.stdout).toBe("[ 'count' ]\n");
  });

  it("type-checks strict TypeScript against the installed types, from ES modules and from CommonJS", () => {
    writeFileSync(
      path.join(project, "use.mts"),
      [
        'import { lint, preflight, PreflightError, type Finding, type BatchSessionRequest } from "@anchor-lint/core";',
        'import { AnchorLint, CONFIG_FILE, type FileResult } from "@anchor-lint/node";',
        'const findings: Finding[] = lint("{}");',
        "const line: number | undefined = findings[0]?.range?.start.line;",
        'const request: BatchSessionRequest = preflight({ count: 1 });',
        "const results: Promise<FileResult[]> = new AnchorLint({ fix: true }).lintFiles([\"jobs/\"]);",
        "export const seen = [line, request.count, PreflightError.name, CONFIG_FILE.length, results];",
        "",
      ].join("\n"),
    );
    writeFileSync(
      path.join(project, "use.cts"),
      [
        'import core = require("@anchor-lint/core");',
        'import node = require("@anchor-lint/node");',
        "export const count: number = core.preflight({ count: 1 }).count;",
        "export const results: Promise<node.FileResult[]> = new node.AnchorLint().lintFiles([\"jobs/\"]);",
        "",
      ].join("\n"),
    );
    const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");
    const tsconfig = (files: string[]) =>
      writeFileSync(
        path.join(project, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", types: [] }, files }),
      );
    tsconfig(["use.mts", "use.cts"]);
    const checked = inProject(process.execPath, [tsc, "-p", "."]);
    expect(checked.stdout + checked.stderr).toBe("");
    expect(checked.status).toBe(0);
    // And it fails where it should: the check is not vacuous.
    writeFileSync(path.join(project, "wrong.mts"), 'import { lint } from "@anchor-lint/core";\nexport const n: number = lint("{}");\n');
    tsconfig(["wrong.mts"]);
    const wrong = inProject(process.execPath, [tsc, "-p", "."]);
    expect(wrong.stdout).toMatch(/wrong\.mts\(2,14\): error TS2322/);
  });

  it("the Node API lints the files of a folder as the command does, loaded with import and with require", () => {
    const report = `results.map((r) => r.path + ":" + r.findings.map((f) => f.ruleId).join()).join(" ")`;
    const script = `import { AnchorLint } from "@anchor-lint/node"; const results = await new AnchorLint().lintFiles(["broken.anchor.json", "clean.anchor.json"]); console.log(${report});`;
    const run = inProject("node", ["--input-type=module", "-e", script]);
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: "broken.anchor.json:count-range clean.anchor.json:\n", stderr: "" });
    // CommonJS (Node before 20.19 cannot require() an ES module): the package's dist/cjs/ build.
    const required = `const { AnchorLint } = require("@anchor-lint/node"); new AnchorLint().lintFiles(["broken.anchor.json", "clean.anchor.json"]).then((results) => console.log(${report}, require.resolve("@anchor-lint/node")));`;
    const cjs = inProject("node", ["-e", required]);
    expect(cjs.stderr).toBe("");
    expect(cjs.stdout).toMatch(/^broken\.anchor\.json:count-range clean\.anchor\.json: \S+\/node_modules\/@anchor-lint\/node\/dist\/cjs\/index\.js\n$/);
  });

  it("npm installed nothing from the workspace: the CLI's core is the tarball's", () => {
    const tree = execFileSync("npm", ["ls", "--all", "--json"], { cwd: project, encoding: "utf8" });
    expect(tree).not.toContain("workspace:");
    expect(tree).not.toContain(repoRoot);
  });
});
