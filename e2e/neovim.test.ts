// Neovim 0.7.2 with the setup of docs/editors.md (e2e/editors/neovim.lua): <C-x><C-o> is
// vim.lsp.omnifunc, code actions come from vim.lsp.buf.code_action().
import * as path from "node:path";
import { describeTerminalEditor } from "./harness/terminal-editor.js";
import { e2eRoot, requireProgram } from "./harness/tools.js";

describeTerminalEditor(
  "Neovim 0.7 (built-in client, omnifunc)",
  {
    command: (file) => ["nvim", "-n", "-i", "NONE", "-u", path.join(e2eRoot, "editors/init-neovim.lua"), file],
    codeActions: "lua vim.lsp.buf.code_action()",
    // vim.ui.select's inputlist: "1: Change ..."
    menuNumber: (screen, title) => new RegExp(`^(\\d+)[.:] ${escape(title)}`, "m").exec(screen)?.[1],
  },
  () => requireProgram("nvim"),
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
