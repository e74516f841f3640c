import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const bin = fileURLToPath(new URL("../dist/anchor-lint.js", import.meta.url));

describe("the README", () => {
  it("shows what `anchor-lint examples` prints today", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const shown = /## What the examples show[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(shown, "README section 'What the examples show'").toBeDefined();
    const run = spawnSync(process.execPath, [bin, "examples"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
    expect(run.status).toBe(1);
    const printed = run.stdout.split("\n").map((line) => line.trimEnd()).join("\n").trim();
    expect(printed).toBe(shown!.trim());
  });

  it("its first command ends in `pnpm examples`, which prints the findings and says why it exits non-zero", () => {
    // The package.json script as a user runs it (install and build are .ci/run's and turbo's).
    const run = spawnSync("pnpm", ["--silent", "examples"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("examples/spec-large-batch.anchor.json");
    expect(run.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
    expect(run.stdout).toContain("(exit code 1: some bundled examples are broken on purpose)");
  });

  it("opens with the two commands for a fresh machine, and .ci/run runs its test command", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const commands = [...readme.matchAll(/```sh\n(.*)\n```/g)].map((match) => match[1]!);
    expect(commands[0]).toMatch(/pnpm install --frozen-lockfile .*pnpm examples$/);
    expect(commands[1]).toMatch(/&& pnpm test$/);
    expect(readFileSync(`${root}.ci/run`, "utf8")).toMatch(/^pnpm test\b/m);
  });
});
