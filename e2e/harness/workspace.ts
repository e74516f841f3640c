import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { fixtures, requireServer } from "./tools.js";

export interface EditorSandbox {
  /** A fresh copy of e2e/fixtures/workspace. */
  workspace: string;
  /** The environment an editor runs in: `anchor-lint-language-server` on PATH, HOME and XDG folders inside the sandbox. */
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

/**
 * A throwaway home with the fixture workspace and an `anchor-lint-language-server` command on PATH,
 * the name the editor setups in docs/editors.md call, as after `npm i -g @anchor-lint/language-server`.
 */
export function editorSandbox(): EditorSandbox {
  const server = requireServer();
  const root = mkdtempSync(path.join(tmpdir(), "anchor-lint-editor-"));
  const workspace = path.join(root, "workspace");
  const bin = path.join(root, "bin");
  const home = path.join(root, "home");
  cpSync(path.join(fixtures, "workspace"), workspace, { recursive: true });
  mkdirSync(bin);
  mkdirSync(home);
  const shim = path.join(bin, "anchor-lint-language-server");
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${server}" "$@"\n`);
  chmodSync(shim, 0o755);
  return {
    workspace,
    env: {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, ".config"),
      XDG_DATA_HOME: path.join(home, ".local/share"),
      XDG_CACHE_HOME: path.join(home, ".cache"),
      XDG_STATE_HOME: path.join(home, ".local/state"),
    },
    // Retries: an editor that is still quitting may write its state file once more.
    dispose: () => rmSync(root, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }),
  };
}
