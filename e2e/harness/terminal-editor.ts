import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectSoundJson } from "./buffer.js";
import { Terminal } from "./tmux.js";
import { editorSandbox, type EditorSandbox } from "./workspace.js";

/** What the editor's state helper (e2e/editors/state-*.{lua,vim}) writes every 100 ms. */
export interface EditorState {
  file: string;
  mode: string;
  pum: boolean;
  changedtick: number;
  lines: string[];
  diagnostics: { line: number; code: string; message: string }[];
}

export interface TerminalEditor {
  /** The command line that starts the editor on `file` with the documented setup and the state helper. */
  command(file: string): string[];
  /** What the user types (after `:`) to ask for code actions at the cursor. */
  codeActions: string;
  /** The number the editor's code-action menu puts before `title`, read from the screen. */
  menuNumber(screen: string, title: string): string | undefined;
}

/** The buffer as one text; a Vim line holding "\n" holds a NUL byte (Vim's newline inside a line). */
export function bufferText(state: EditorState): string {
  for (const line of state.lines) expect(line, "a NUL byte in the buffer").not.toContain("\n");
  return state.lines.join("\n") + "\n";
}

/**
 * The same user session in a terminal editor, typed through tmux: accept completions with
 * <C-x><C-o>, apply a quick fix from the code-action menu, write anchor-lint.config.json; then
 * read the buffer and the diagnostics.
 */
export function describeTerminalEditor(name: string, editor: TerminalEditor, requireEditor: () => void): void {
  describe(`${name}, typed into through tmux`, () => {
    let sandbox: EditorSandbox;
    let terminal: Terminal | undefined;
    let stateFile: string;

    beforeEach(() => {
      requireEditor();
      sandbox = editorSandbox();
      stateFile = path.join(sandbox.workspace, "..", "state.json");
    });
    afterEach(async () => {
      await terminal?.close();
      terminal = undefined;
      sandbox.dispose();
    });

    const state = () => JSON.parse(readFileSync(stateFile, "utf8")) as EditorState;
    const until = <T>(what: string, ready: (s: EditorState) => T | undefined | false, timeoutMs?: number) =>
      terminal!.untilJson(stateFile, what, ready, timeoutMs);

    async function open(file: string): Promise<EditorState> {
      terminal = new Terminal(editor.command(file), { cwd: sandbox.workspace, env: { ...sandbox.env, ANCHOR_STATE: stateFile } });
      return until("the server's diagnostics", (s) => s.file === file && s.diagnostics.length > 0 && s, 20_000);
    }

    /** Waits for the completion to change the buffer, accepts what the menu shows, back to normal mode. */
    async function accept(before: number, inserted: (s: EditorState) => boolean): Promise<EditorState> {
      await until("the completion to insert", (s) => s.changedtick > before && (inserted(s) || s.pum) && s);
      // <C-y> accepts the item the menu shows (the first, already inserted); a single match has no menu.
      if (state().pum) terminal!.keys("C-y");
      terminal!.keys("Escape");
      return until("normal mode", (s) => s.mode === "n" && !s.pum && s);
    }

    /** Typed in insert mode before the last character of `line`, then <C-x><C-o>. */
    async function completeInString(line: number, typed: string, inserted: (s: EditorState) => boolean): Promise<EditorState> {
      const before = state().changedtick;
      terminal!.keys(`${line}G`, "$", "i");
      if (typed) terminal!.type(typed);
      terminal!.keys("C-x", "C-o");
      return accept(before, inserted);
    }

    it("inserts a country code inside empty quotes: us first, no doubled quotes", async () => {
      await open("mobile.anchor.json");
      const s = await completeInString(8, "", (s) => s.lines[7]!.includes('"us"'));
      expect(s.lines[7]).toBe('        "country_code": "us"');
      expect(expectSoundJson(bufferText(s)).configuration.session.proxy.country_code).toBe("us");
      await until("the diagnostics of the new text", (s) => s.diagnostics.every((d) => d.line !== 8) && s);
    }, 40_000);

    it("inserts a country code after a typed prefix (bt, Bhutan, offered for anchor_mobile)", async () => {
      await open("mobile.anchor.json");
      const s = await completeInString(8, "bt", (s) => s.lines[7]!.includes('"bt"'));
      expect(s.lines[7]).toBe('        "country_code": "bt"');
      expect(expectSoundJson(bufferText(s)).configuration.session.proxy.country_code).toBe("bt");
    }, 40_000);

    it("inserts a key on an empty line, on that line, without NUL bytes", async () => {
      await open("mobile.anchor.json");
      const before = state().changedtick;
      // A new line inside "session", before "proxy": the key needs the comma the server adds.
      terminal!.keys("4G", "o", "C-x", "C-o");
      const s = await accept(before + 1, (s) => /"\w+": /.test(s.lines[4]!));
      expect(s.lines).toHaveLength(13);
      expect(s.lines[4]).toMatch(/^\s*"\w+": .*,$/);
      const session = expectSoundJson(bufferText(s)).configuration.session;
      expect(Object.keys(session)).toHaveLength(2);
    }, 40_000);

    it("leaves the value after the colon alone: no item offered in front of it, as docs/editors.md says", async () => {
      await open("mobile.anchor.json");
      // Right after the colon of `"active": true,`: an item could not remove the old value here.
      terminal!.keys("6G", "0", "f:", "a", "C-x", "C-o");
      // Nothing to wait for when nothing comes (Neovim shows no message): time for a reply to land.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      terminal!.keys("Escape");
      const s = await until("normal mode", (s) => s.mode === "n" && !s.pum && s);
      expect(s.lines[5]).toBe('        "active": true,');
    }, 40_000);

    it("completes a key typed inside closed quotes to the key alone, never into its letters", async () => {
      await open("mobile.anchor.json");
      const before = state().changedtick;
      terminal!.keys("4G", "o");
      terminal!.type('"ti"');
      terminal!.keys("Left", "C-x", "C-o");
      const s = await accept(before + 1, (s) => s.lines[4]!.includes("timeout"));
      // ALE would put `: {},` where the closing quote was before the insertion ("tim: {},eout").
      expect(s.lines[4]!.trim()).toBe('"timeout"');
    }, 40_000);

    it("applies a per-diagnostic quick fix from the code-action menu", async () => {
      await open("broken.anchor.json");
      terminal!.keys("12G", "$");
      terminal!.type(`:${editor.codeActions}`);
      terminal!.keys("Enter");
      const choice = await terminal!.until("the code action menu", () => editor.menuNumber(terminal!.screen(), 'Change "US" to "us"'));
      expect(terminal!.screen()).toMatch(/Disable proxy-country in anchor-lint\.config\.json/);
      terminal!.type(choice);
      terminal!.keys("Enter");
      const s = await until("the fix to apply and its diagnostic to go", (s) => s.lines[11]!.includes('"us"') && !s.diagnostics.some((d) => d.code === "proxy-country") && s);
      expect(s.lines[11]).toBe('        "country_code": "us"');
      expectSoundJson(bufferText(s));
      expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["count-range", "timeout-order"]);
    }, 40_000);

    it("sees anchor-lint.config.json written in the editor (no file watcher)", async () => {
      await open("broken.anchor.json");
      terminal!.type(":split anchor-lint.config.json");
      terminal!.keys("Enter");
      await until("the config buffer", (s) => s.file === "anchor-lint.config.json" && s);
      terminal!.keys("i");
      terminal!.type('{ "rules": { "count-range": "off" } }');
      terminal!.keys("Escape");
      terminal!.type(":wq");
      terminal!.keys("Enter");
      await until("back in the batch file", (s) => s.file === "broken.anchor.json" && s);
      // An edit of the batch file: the server re-reads the changed config before linting it.
      terminal!.keys("1G", "o", "Escape");
      const s = await until("count-range to go", (s) => !s.diagnostics.some((d) => d.code === "count-range") && s.diagnostics.length > 0 && s, 10_000);
      expect(s.diagnostics.map((d) => d.code).sort()).toEqual(["proxy-country", "timeout-order"]);
    }, 40_000);
  });
}
