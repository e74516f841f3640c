// Emacs 28 with eglot 1.9 and the setup of docs/editors.md (e2e/editors/eglot.el), typed into
// through tmux as a user types: C-M-i (completion-at-point) and its *Completions* list,
// M-x eglot-code-actions, the config file edited and saved in Emacs; then the buffer and flymake.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectSoundJson } from "./harness/buffer.js";
import { bufferText, type EditorState } from "./harness/terminal-editor.js";
import { Terminal } from "./harness/tmux.js";
import { e2eRoot, requireProgram } from "./harness/tools.js";
import { editorSandbox, type EditorSandbox } from "./harness/workspace.js";

describe("Emacs 28 with eglot 1.9, typed into through tmux", () => {
  let sandbox: EditorSandbox;
  let emacs: Terminal | undefined;
  let stateFile: string;

  beforeEach(() => {
    requireProgram("emacs");
    sandbox = editorSandbox();
    stateFile = path.join(sandbox.workspace, "..", "state.json");
  });
  afterEach(async () => {
    await emacs?.close();
    emacs = undefined;
    sandbox.dispose();
  });

  const state = () => JSON.parse(readFileSync(stateFile, "utf8")) as EditorState;
  const until = <T>(what: string, ready: (s: EditorState) => T | undefined | false, timeoutMs?: number) => emacs!.untilJson(stateFile, what, ready, timeoutMs);

  async function open(file: string): Promise<EditorState> {
    emacs = new Terminal(["emacs", "-nw", "-q", "-l", path.join(e2eRoot, "editors/init-eglot.el"), file], {
      cwd: sandbox.workspace,
      env: { ...sandbox.env, ANCHOR_STATE: stateFile },
    });
    return until("eglot's diagnostics", (s) => s.file === file && s.diagnostics.length > 0 && s, 20_000);
  }

  function goToLine(line: number): void {
    emacs!.keys("M-g", "g");
    emacs!.type(String(line));
    emacs!.keys("Enter");
  }

  /** From a *Completions* list: the first entry (sorted by the server's sortText), chosen with RET. */
  async function chooseFirst(): Promise<void> {
    await until("the *Completions* list", (s) => s.pum);
    emacs!.keys("C-x", "o", "M-<", "Tab", "Enter");
  }

  it("inserts a country code inside empty quotes, from the *Completions* list: us first", async () => {
    await open("mobile.anchor.json");
    goToLine(8);
    emacs!.keys("C-e", "C-b", "C-M-i");
    await chooseFirst();
    const s = await until("the code in the buffer", (s) => !s.pum && s.lines[7] !== '        "country_code": ""' && s);
    expect(s.lines[7]).toBe('        "country_code": "us"');
    expect(expectSoundJson(bufferText(s)).configuration.session.proxy.country_code).toBe("us");
    await until("flymake to clear line 8", (s) => s.diagnostics.every((d) => d.line !== 8) && s);
  }, 40_000);

  it("completes a typed prefix to the sole code (bt, Bhutan)", async () => {
    await open("mobile.anchor.json");
    goToLine(8);
    emacs!.keys("C-e", "C-b");
    emacs!.type("bt");
    emacs!.keys("C-M-i");
    const s = await until("the completion", (s) => s.lines[7] !== '        "country_code": "bt"' ? undefined : s);
    expect(expectSoundJson(bufferText(s)).configuration.session.proxy.country_code).toBe("bt");
    // The exit function replaced the typed prefix with the item's edit: nothing doubled.
    expect(state().lines[7]).toBe('        "country_code": "bt"');
  }, 40_000);

  it("inserts a key on an empty line", async () => {
    await open("mobile.anchor.json");
    goToLine(4);
    emacs!.keys("C-e", "Enter", "C-M-i");
    await chooseFirst();
    const s = await until("a key on line 5", (s) => !s.pum && /"\w+": /.test(s.lines[4] ?? "") && s);
    expect(s.lines).toHaveLength(13);
    expect(s.lines[4]).toMatch(/^\s*"\w+": .*,$/);
    expect(Object.keys(expectSoundJson(bufferText(s)).configuration.session)).toHaveLength(2);
  }, 40_000);

  it("applies a per-diagnostic quick fix with M-x eglot-code-actions", async () => {
    await open("broken.anchor.json");
    goToLine(12);
    emacs!.keys("C-e", "C-b", "C-b");
    emacs!.keys("M-x");
    emacs!.type("eglot-code-actions");
    emacs!.keys("Enter");
    await emacs!.until("eglot's action prompt", () => /Pick an action/.test(emacs!.screen()));
    emacs!.type('Change "US" to "us"');
    emacs!.keys("Enter");
    const s = await until("the fix and its diagnostic gone", (s) => s.lines[11]!.includes('"us"') && !s.diagnostics.some((d) => d.code === "proxy-country") && s);
    expect(s.lines[11]).toBe('        "country_code": "us"');
    expectSoundJson(bufferText(s));
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["count-range", "timeout-order"]);
  }, 40_000);

  it("sees anchor-lint.config.json written in Emacs", async () => {
    await open("broken.anchor.json");
    emacs!.keys("C-x", "C-f");
    emacs!.type("anchor-lint.config.json");
    emacs!.keys("Enter");
    await until("the config buffer", (s) => s.file === "anchor-lint.config.json" && s);
    emacs!.type('{ "rules": { "count-range": "off" } }');
    emacs!.keys("C-x", "C-s");
    await until("the config saved", () => readFileSync(path.join(sandbox.workspace, "anchor-lint.config.json"), "utf8").includes("off"));
    emacs!.keys("C-x", "k", "Enter");
    await until("back in the batch file", (s) => s.file === "broken.anchor.json" && s);
    emacs!.keys("M-<", "C-e", "Enter");
    const s = await until("count-range to go", (s) => !s.diagnostics.some((d) => d.code === "count-range") && s.diagnostics.length > 0 && s, 10_000);
    expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["proxy-country", "timeout-order"]);
  }, 40_000);
});
