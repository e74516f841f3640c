// Neovim 0.7.2 with the setup of docs/editors.md (e2e/editors/neovim.lua), typed into through
// tmux as a user types: accept completions with <C-x><C-o>, apply a quick fix from
// vim.lsp.buf.code_action(), edit anchor-lint.config.json; then read the buffer and diagnostics.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectSoundJson } from "./harness/buffer.js";
import { Terminal } from "./harness/tmux.js";
import { e2eRoot, requireProgram } from "./harness/tools.js";
import { editorSandbox, type EditorSandbox } from "./harness/workspace.js";

interface State {
  file: string;
  ready: boolean;
  mode: string;
  pum: boolean;
  changedtick: number;
  lines: string[];
  diagnostics: { line: number; code: string; message: string }[];
}

describe("Neovim 0.7 (built-in client, omnifunc), typed into", () => {
  let sandbox: EditorSandbox;
  let nvim: Terminal | undefined;
  let stateFile: string;

  beforeEach(() => {
    requireProgram("nvim");
    sandbox = editorSandbox();
    stateFile = path.join(sandbox.workspace, "..", "state.json");
  });
  afterEach(() => {
    nvim?.close();
    nvim = undefined;
    sandbox.dispose();
  });

  const state = () => JSON.parse(readFileSync(stateFile, "utf8")) as State;
  const until = <T>(what: string, ready: (s: State) => T | undefined | false, timeoutMs?: number) => nvim!.untilJson(stateFile, what, ready, timeoutMs);
  const text = (s: State) => s.lines.join("\n") + "\n";

  async function open(file: string): Promise<State> {
    nvim = new Terminal(["nvim", "-n", "-i", "NONE", "-u", path.join(e2eRoot, "editors/init-neovim.lua"), file], {
      cwd: sandbox.workspace,
      env: { ...sandbox.env, ANCHOR_STATE: stateFile },
    });
    return until("the server to attach and publish", (s) => s.file === file && s.ready && s.diagnostics.length > 0 && s);
  }

  /** Types `keys` in insert mode at the end of `line` before its last character, then <C-x><C-o>. */
  async function completeAt(line: number, typed: string, accept: (s: State) => boolean): Promise<State> {
    const before = state().changedtick;
    nvim!.keys("Escape", `${line}G`, "$", "i");
    if (typed) nvim!.type(typed);
    nvim!.keys("C-x", "C-o");
    await until("the completion to insert", (s) => s.changedtick > before && (accept(s) || s.pum) && s);
    // <C-y> accepts the item the menu shows (the first, which is inserted already).
    if (state().pum) nvim!.keys("C-y");
    nvim!.keys("Escape");
    return until("normal mode", (s) => s.mode === "n" && !s.pum && s);
  }

  it("inserts a country code inside empty quotes: us first, no doubled quotes", async () => {
    await open("mobile.anchor.json");
    const s = await completeAt(8, "", (s) => s.lines[7]!.includes('"us"'));
    expect(s.lines[7]).toBe('        "country_code": "us"');
    expect(expectSoundJson(text(s)).configuration.session.proxy.country_code).toBe("us");
    await until("the diagnostics of the new text", (s) => s.diagnostics.every((d) => d.line !== 8) && s);
  }, 30_000);

  it("inserts a country code after a typed prefix (bt, Bhutan, offered for anchor_mobile)", async () => {
    await open("mobile.anchor.json");
    const s = await completeAt(8, "bt", (s) => s.lines[7]!.includes('"bt"'));
    expect(s.lines[7]).toBe('        "country_code": "bt"');
    expect(expectSoundJson(text(s)).configuration.session.proxy.country_code).toBe("bt");
  }, 30_000);

  it("inserts a key on an empty line, on that line, without NUL bytes", async () => {
    await open("mobile.anchor.json");
    const before = state().changedtick;
    // A new line inside "session", before "proxy": the key needs the comma the server adds.
    nvim!.keys("4G", "o", "C-x", "C-o");
    await until("the completion to insert", (s) => s.changedtick > before + 1 && /"\w+": /.test(s.lines[4]!) && s);
    if (state().pum) nvim!.keys("C-y");
    nvim!.keys("Escape");
    const s = await until("normal mode", (s) => s.mode === "n" && !s.pum && s);
    expect(s.lines).toHaveLength(13);
    expect(s.lines[4]).toMatch(/^\s*"\w+": .*,$/);
    const session = expectSoundJson(text(s)).configuration.session;
    expect(Object.keys(session)).toHaveLength(2);
  }, 30_000);

  it("applies a per-diagnostic quick fix from vim.lsp.buf.code_action()", async () => {
    await open("broken.anchor.json");
    nvim!.keys("12G", "$");
    nvim!.type(":lua vim.lsp.buf.code_action()");
    nvim!.keys("Enter");
    // Neovim 0.7 lists the actions with vim.ui.select (inputlist): pick the fix by its number.
    const choice = await nvim!.until("the code action menu", () => /^(\d+)[.:] Change "US" to "us"/m.exec(nvim!.screen())?.[1]);
    expect(nvim!.screen()).toMatch(/Disable proxy-country in anchor-lint\.config\.json/);
    nvim!.type(choice);
    nvim!.keys("Enter");
    const s = await until("the fix to apply and the diagnostic to go", (s) => s.lines[11]!.includes('"us"') && !s.diagnostics.some((d) => d.code === "proxy-country") && s);
    expect(s.lines[11]).toBe('        "country_code": "us"');
    expectSoundJson(text(s));
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["count-range", "timeout-order"]);
  }, 30_000);

  it("sees anchor-lint.config.json written in the editor (no file watcher in Neovim 0.7)", async () => {
    await open("broken.anchor.json");
    nvim!.type(':split anchor-lint.config.json');
    nvim!.keys("Enter");
    nvim!.keys("i");
    nvim!.type('{ "rules": { "count-range": "off" } }');
    nvim!.keys("Escape");
    nvim!.type(":wq");
    nvim!.keys("Enter");
    await until("back in the batch file", (s) => s.file === "broken.anchor.json" && s);
    // An edit of the batch file: the server re-reads the changed config before linting it.
    nvim!.keys("1G", "o", "Escape");
    const s = await until("count-range to go", (s) => !s.diagnostics.some((d) => d.code === "count-range") && s.diagnostics.length > 0 && s, 10_000);
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["proxy-country", "timeout-order"]);
  }, 30_000);
});
