// Golden scenarios: each folder under scenarios/ holds
//   input/      files copied to a fresh temporary repository (a file named "gitignore" becomes ".gitignore")
//   cmd         the arguments, one line, shell-like quoting
//   stdin       optional: piped to the command
//   exit        the expected exit code
//   stdout      the expected standard output, or stdout.json (compared as JSON) for machine formats
//   stderr      optional: the expected standard error (otherwise it must be empty)
//   expected/   optional: files that must exist afterwards with exactly this content (--fix, --init)
// The temporary folder's path is written <cwd> in expectations. UPDATE_GOLDENS=1 rewrites the
// expectations from the actual output: review every change by eye, they are assertions.
import { spawnSync, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { READ_AHEAD_THRESHOLD } from "../src/lint-files.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const scenariosDir = join(here, "scenarios");
const cli = fileURLToPath(new URL("../dist/anchor-lint.js", import.meta.url));
const update = process.env.UPDATE_GOLDENS === "1";

/** Splits a command line like a shell would for simple cases: spaces, single and double quotes. */
export function splitArgs(line: string): string[] {
  const args: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) args.push(match[1] !== undefined ? match[1].replace(/\\(.)/g, "$1") : (match[2] ?? match[3]!));
  return args;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split("\\").join("/"))
    .sort();
}

function restoreDotfiles(dir: string) {
  for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
    if (entry.endsWith("gitignore") && !entry.endsWith(".gitignore")) {
      const from = join(dir, entry);
      renameSync(from, join(from, "..", ".gitignore"));
    }
  }
}

beforeAll(() => {
  // Always test the current sources: bundling takes well under a second.
  execFileSync(process.execPath, [fileURLToPath(new URL("../build.mjs", import.meta.url))], { stdio: "inherit" });
});

const names = readdirSync(scenariosDir).filter((name) => existsSync(join(scenariosDir, name, "cmd"))).sort();

describe("golden scenarios", () => {
  it("exist", () => expect(names.length).toBeGreaterThan(20));

  it.each(names)("%s", (name) => {
    const scenario = join(scenariosDir, name);
    const work = realpathSync(mkdtempSync(join(tmpdir(), `anchor-lint-${name}-`)));
    try {
      if (existsSync(join(scenario, "input"))) cpSync(join(scenario, "input"), work, { recursive: true });
      restoreDotfiles(work);
      mkdirSync(join(work, ".git"), { recursive: true });
      const args = splitArgs(readFileSync(join(scenario, "cmd"), "utf8").trim());
      const stdinPath = join(scenario, "stdin");
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1" };
      const result = spawnSync(process.execPath, [cli, ...args], {
        cwd: work,
        env,
        input: existsSync(stdinPath) ? readFileSync(stdinPath) : "",
        encoding: "utf8",
      });
      const normalize = (text: string) => text.split(work).join("<cwd>");
      const stdout = normalize(result.stdout);
      const stderr = normalize(result.stderr);
      const jsonGolden = existsSync(join(scenario, "stdout.json"));

      if (update) {
        writeFileSync(join(scenario, "exit"), `${result.status}\n`);
        if (jsonGolden) writeFileSync(join(scenario, "stdout.json"), `${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
        else writeFileSync(join(scenario, "stdout"), stdout);
        if (stderr !== "" || existsSync(join(scenario, "stderr"))) writeFileSync(join(scenario, "stderr"), stderr);
        for (const file of listFiles(join(scenario, "expected"))) {
          writeFileSync(join(scenario, "expected", file), readFileSync(join(work, file)));
        }
        return;
      }

      if (jsonGolden) expect(JSON.parse(stdout)).toEqual(JSON.parse(readFileSync(join(scenario, "stdout.json"), "utf8")));
      else expect(stdout).toBe(readFileSync(join(scenario, "stdout"), "utf8"));
      const expectedStderr = existsSync(join(scenario, "stderr")) ? readFileSync(join(scenario, "stderr"), "utf8") : "";
      expect(stderr).toBe(expectedStderr);
      expect(result.status).toBe(Number(readFileSync(join(scenario, "exit"), "utf8").trim()));
      for (const file of listFiles(join(scenario, "expected"))) {
        expect(existsSync(join(work, file)), `${file} exists`).toBe(true);
        expect(readFileSync(join(work, file), "utf8"), file).toBe(readFileSync(join(scenario, "expected", file), "utf8"));
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

/** `count` files in seven folders: every fifth with a count out of range, every third with "US". */
function corpus(count: number): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "anchor-lint-threads-")));
  mkdirSync(join(dir, ".git"));
  for (let i = 0; i < count; i++) {
    const folder = join(dir, `team-${i % 7}`);
    mkdirSync(folder, { recursive: true });
    const country = i % 3 === 0 ? "US" : "us";
    writeFileSync(join(folder, `job-${i}.anchor.json`), `{\n  "count": ${i % 5 === 0 ? 5000 : 3},\n  "configuration": { "session": { "proxy": { "active": true, "country_code": "${country}" } } }\n}\n`);
  }
  return dir;
}

// Large runs print large reports: room for them.
const runCli = (cwd: string, args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, NO_COLOR: "1" }, maxBuffer: 1 << 26 });

describe("worker threads", () => {

  it("give the same report as one thread, in the same order", () => {
    const dir = corpus(700);
    try {
      const one = runCli(dir, ["-f", "json", "--concurrency", "1"]);
      const three = runCli(dir, ["-f", "json", "--concurrency", "3"]);
      expect(three.stderr).toBe("");
      expect(three.status).toBe(1);
      expect(three.stdout).toBe(one.stdout);
      expect(JSON.parse(three.stdout)).toHaveLength(700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("write fixes from workers", () => {
    const dir = corpus(600);
    try {
      const fixed = runCli(dir, ["--fix", "--concurrency", "2", "-f", "compact"]);
      expect(fixed.stderr).toBe("");
      expect(fixed.stdout).not.toContain("proxy-country");
      expect(readFileSync(join(dir, "team-0/job-0.anchor.json"), "utf8")).toContain('"country_code": "us"');
      const again = runCli(dir, ["-f", "compact", "--rule", "count-range:off"]);
      expect(again.status).toBe(0);
      expect(again.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("--concurrency auto (a reader thread on two cores, lint workers on more)", () => {
  // --fix flushes each of the 5,000 files to disk before renaming it (docs/fixes.md): a few ms each.
  it("gives the same report as one thread, unreadable files included, and writes fixes", () => {
    const dir = corpus(READ_AHEAD_THRESHOLD);
    try {
      // Unreadable among the others: the reader reports it as this thread would.
      mkdirSync(join(dir, "team-3", "folder.anchor.json"));
      const one = runCli(dir, ["-f", "json", "--concurrency", "1"]);
      const auto = runCli(dir, ["-f", "json", "--concurrency", "auto", "--debug"]);
      expect(auto.stderr).not.toContain("Error");
      // Which helper threads ran depends on the cores (and the load, for lint workers).
      if (availableParallelism() === 2) expect(auto.stderr).toMatch(/read by the reader thread/);
      expect(auto.status).toBe(1);
      expect(auto.stdout).toBe(one.stdout);
      const report = JSON.parse(auto.stdout) as { filePath: string; messages: { message: string }[] }[];
      expect(report).toHaveLength(READ_AHEAD_THRESHOLD + 1);
      expect(report.find((file) => file.filePath.endsWith("folder.anchor.json"))?.messages[0]?.message).toBe("Cannot read file: it is a directory");

      const fixed = runCli(dir, ["--fix", "-f", "compact", "--rule", "count-range:off"]);
      expect(fixed.stdout).toBe("team-3/folder.anchor.json:0:0: error Cannot read file: it is a directory\n");
      expect(readFileSync(join(dir, "team-0/job-0.anchor.json"), "utf8")).toContain('"country_code": "us"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe("json fixes apply to the file as ESLint's do", () => {
  it("every fix and suggestion replaces a range of the file, and fixes of valid JSON keep it valid", () => {
    const work = realpathSync(mkdtempSync(join(tmpdir(), "anchor-lint-fixes-")));
    try {
      cpSync(join(scenariosDir, "stylish-mixed", "input"), work, { recursive: true });
      const result = spawnSync(process.execPath, [cli, "-f", "json"], { cwd: work, encoding: "utf8" });
      const report = JSON.parse(result.stdout) as { filePath: string; messages: { fix?: { range: [number, number]; text: string }; suggestions?: { fix: { range: [number, number]; text: string } }[] }[] }[];
      let checked = 0;
      for (const file of report) {
        const source = readFileSync(file.filePath, "utf8");
        let validJson = true;
        try {
          JSON.parse(source);
        } catch {
          validJson = false;
        }
        for (const message of file.messages) {
          const fixes = [...(message.fix ? [message.fix] : []), ...(message.suggestions ?? []).map((suggestion) => suggestion.fix)];
          for (const fix of fixes) {
            const [start, end] = fix.range;
            expect(0 <= start && start <= end && end <= source.length).toBe(true);
            const applied = source.slice(0, start) + fix.text + source.slice(end);
            expect(applied).not.toBe(source);
            if (validJson && fix === message.fix) expect(() => JSON.parse(applied)).not.toThrow();
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(4);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
