// The standalone language server in real LSP clients other than VS Code, driven headless with the
// very setups that docs/editors.md tells users to write (e2e/editors/*.lua|el|vim).
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { brokenFile, brokenFindings, mobileCountryCursor, mobileFile, unquote } from "./harness/expected.js";
import { e2eRoot, repoRoot, requireFile, requireProgram } from "./harness/tools.js";
import { editorSandbox, type EditorSandbox } from "./harness/workspace.js";

const run = promisify(execFile);
const editors = path.join(e2eRoot, "editors");

interface Seen {
  line: number;
  severity: "error" | "warning" | "other";
  code: string;
  message: string;
}

function expectBrokenFindings(seen: Seen[], output: string): void {
  const summary = seen.map((d) => `${d.line} ${d.severity} ${d.code}: ${d.message}`).join("\n");
  expect(seen, `diagnostics seen:\n${summary}\n${output}`).toHaveLength(brokenFindings.length);
  for (const want of brokenFindings) {
    const got = seen.find((d) => d.line === want.line && d.code === want.ruleId);
    expect(got, `no ${want.ruleId} on line ${want.line}; seen:\n${summary}`).toBeDefined();
    expect(got!.severity).toBe(want.severity);
    expect(got!.message).toMatch(want.message);
  }
}

function lastJsonLine(stdout: string): any {
  const line = stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop();
  if (!line) throw new Error(`the editor printed no result:\n${stdout}`);
  return JSON.parse(line);
}

describe("Neovim (built-in client, vim.lsp.start_client)", () => {
  let sandbox!: EditorSandbox;
  let nvim!: string;
  // In beforeEach, not beforeAll: a missing editor then fails each test with its message instead
  // of leaving them "skipped".
  beforeEach(() => {
    nvim ??= requireProgram("nvim");
    sandbox ??= editorSandbox();
  });
  afterAll(() => sandbox?.dispose());

  async function probe(file: string, cursor?: { line: number; column: number }, action?: { line: number; column: number }) {
    const { stdout, stderr } = await run(nvim, ["--headless", "-u", path.join(editors, "probe-neovim.lua")], {
      cwd: sandbox.workspace,
      env: {
        ...sandbox.env,
        PROBE_FILE: file,
        PROBE_LINE: cursor ? String(cursor.line) : "",
        PROBE_COL: cursor ? String(cursor.column) : "",
        PROBE_ACTION_LINE: action ? String(action.line) : "",
        PROBE_ACTION_COL: action ? String(action.column) : "",
      },
      timeout: 60_000,
    });
    return { result: lastJsonLine(stdout), output: stderr };
  }

  it("shows anchor-lint's diagnostics with rule ids", async () => {
    const { result, output } = await probe(brokenFile);
    expect(result.errors).toEqual([]);
    const seen: Seen[] = result.diagnostics.map((d: any) => ({
      line: d.line,
      severity: d.severity === 1 ? "error" : d.severity === 2 ? "warning" : "other",
      code: String(d.code),
      message: d.message,
    }));
    for (const d of result.diagnostics) expect(d.source).toBe("anchor-lint");
    expectBrokenFindings(seen, output);
  }, 60_000);

  it("offers the quick fixes of a diagnostic as code actions", async () => {
    const { result } = await probe(brokenFile, undefined, { line: 12, column: 26 });
    expect(result.errors).toEqual([]);
    expect(result.actions).toContainEqual({ title: 'Change "US" to "us"', kind: "quickfix", newTexts: ['"us"'] });
    expect(result.actions.map((a: any) => a.title)).toContain("Disable proxy-country in anchor-lint.config.json");
  }, 60_000);

  it("honours the nearest anchor-lint.config.json", async () => {
    const configured = editorSandbox();
    try {
      writeFileSync(path.join(configured.workspace, "anchor-lint.config.json"), JSON.stringify({ rules: { "count-range": "off" } }));
      const { stdout } = await run(nvim, ["--headless", "-u", path.join(editors, "probe-neovim.lua")], {
        cwd: configured.workspace,
        env: { ...configured.env, PROBE_FILE: brokenFile, PROBE_LINE: "", PROBE_COL: "" },
        timeout: 60_000,
      });
      const codes = lastJsonLine(stdout).diagnostics.map((d: any) => d.code);
      expect(codes.sort()).toEqual(brokenFindings.map((f) => f.ruleId).filter((id) => id !== "count-range").sort());
    } finally {
      configured.dispose();
    }
  }, 60_000);

  it("completes country codes of the proxy's type: bt (Bhutan) under anchor_mobile, not hk", async () => {
    const { result } = await probe(mobileFile, mobileCountryCursor);
    expect(result.errors).toEqual([]);
    const items = result.completion.map((c: any) => ({ label: unquote(c.label), detail: c.detail }));
    expect(items.length).toBeGreaterThan(100);
    expect(items).toContainEqual({ label: "bt", detail: expect.stringMatching(/Bhutan/) });
    expect(items.map((i: any) => i.label)).not.toContain("hk");
  }, 60_000);
});

describe("Emacs (eglot)", () => {
  let sandbox!: EditorSandbox;
  let emacs!: string;
  beforeEach(() => {
    emacs ??= requireProgram("emacs");
    sandbox ??= editorSandbox();
  });
  afterAll(() => sandbox?.dispose());

  it("shows anchor-lint's diagnostics through flymake", async () => {
    const { stdout, stderr } = await run(emacs, ["--batch", "-q", "-l", path.join(editors, "probe-eglot.el")], {
      cwd: sandbox.workspace,
      env: { ...sandbox.env, PROBE_FILE: brokenFile },
      timeout: 60_000,
    });
    const result = lastJsonLine(stdout);
    expect(result.errors, stderr).toEqual([]);
    // eglot writes "source [code]: message".
    const seen: Seen[] = result.diagnostics.map((d: any) => {
      const [, source, code, message] = /^(\S+) \[([^\]]+)\]: ([\s\S]*)$/.exec(d.message) ?? [];
      expect(source, d.message).toBe("anchor-lint");
      return {
        line: d.line,
        severity: d.type === "eglot-error" ? "error" : d.type === "eglot-warning" ? "warning" : "other",
        code: code ?? "",
        message: message ?? d.message,
      };
    });
    expectBrokenFindings(seen, stderr);
  }, 60_000);
});

describe("Vim (ALE)", () => {
  let sandbox!: EditorSandbox;
  let vim!: string;
  beforeEach(() => {
    vim ??= requireProgram("vim");
    requireFile("/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale/plugin/ale.vim", "ALE (Debian package vim-ale)");
    sandbox ??= editorSandbox();
  });
  afterAll(() => sandbox?.dispose());

  it("shows anchor-lint's diagnostics in the location list", async () => {
    const out = path.join(sandbox.workspace, "..", "ale.json");
    const { stderr } = await run(vim, ["-N", "-i", "NONE", "-n", "-es", "-u", path.join(editors, "probe-ale.vim")], {
      cwd: sandbox.workspace,
      env: { ...sandbox.env, PROBE_FILE: brokenFile, PROBE_OUT: out },
      timeout: 60_000,
    });
    const result = JSON.parse(readFileSync(out, "utf8"));
    expect(result.errors, stderr).toEqual([]);
    const seen: Seen[] = result.diagnostics.map((d: any) => ({
      line: d.line,
      severity: d.type === "E" ? "error" : d.type === "W" ? "warning" : "other",
      code: String(d.code),
      message: d.message,
    }));
    for (const d of result.diagnostics) expect(d.linter).toBe("anchor-lint");
    expectBrokenFindings(seen, stderr);
  }, 60_000);
});

describe("docs/editors.md and the README", () => {
  it("show each editor setup exactly as the tests above load it", () => {
    for (const page of ["docs/editors.md", "README.md"]) {
      const docs = readFileSync(path.join(repoRoot, page), "utf8");
      for (const file of ["neovim.lua", "eglot.el", "ale.vim"]) {
        const snippet = readFileSync(path.join(editors, file), "utf8").trimEnd();
        expect(docs, `${page} lacks e2e/editors/${file} as it is`).toContain("\n" + snippet + "\n```");
      }
    }
  });
});
