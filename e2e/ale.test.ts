// Vim 9 with ALE 3.3 and the setup of docs/editors.md (e2e/editors/ale.vim): <C-x><C-o> is
// ale#completion#OmniFunc, code actions come from :ALECodeAction.
import * as path from "node:path";
import { describeTerminalEditor } from "./harness/terminal-editor.js";
import { e2eRoot, requireFile, requireProgram } from "./harness/tools.js";

describeTerminalEditor(
  "Vim 9 with ALE 3.3",
  {
    command: (file) => ["vim", "-N", "-i", "NONE", "-n", "-u", path.join(e2eRoot, "editors/init-ale.vim"), file],
    codeActions: "ALECodeAction",
    // ALE's own menu: "1) Change ..."
    menuNumber: (screen, title) => new RegExp(`^(\\d+)\\) ${escape(title)}`, "m").exec(screen)?.[1],
  },
  () => {
    requireProgram("vim");
    requireFile("/usr/share/vim/vimfiles/pack/dist-bundle/opt/ale/plugin/ale.vim", "ALE (Debian package vim-ale)");
  },
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
