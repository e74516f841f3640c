import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import * as path from "node:path";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
export const e2eRoot = path.join(repoRoot, "e2e");
export const fixtures = path.join(e2eRoot, "fixtures");
export const artifacts = path.join(e2eRoot, "artifacts");
export const cacheDir = process.env.ANCHOR_LINT_E2E_CACHE ?? path.join(repoRoot, ".e2e-cache");
/** The standalone server the non-VS Code editors start (overridable to try another build). */
export const serverBin = process.env.ANCHOR_LINT_E2E_SERVER ?? path.join(repoRoot, "packages/language-server/dist/server.js");
export const vsixPath = path.join(repoRoot, "apps/vscode-extension/anchor-lint.vsix");

const SETUP_HINT = "run `bash scripts/setup-e2e.sh` (as root) first";

/** Throws a message naming the missing tool and the command that installs it. */
export function requireFile(file: string, what: string, hint = SETUP_HINT): string {
  if (!existsSync(file)) throw new Error(`${what} not found at ${file}: ${hint}`);
  return file;
}

/** The absolute path of a program on PATH, or a clear error. */
export function requireProgram(name: string, hint = SETUP_HINT): string {
  try {
    return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(`${name} is not installed: ${hint}`);
  }
}

export function requireServer(): string {
  return requireFile(serverBin, "the language server bundle", "run `pnpm build` first");
}

export function codeServerBin(): string {
  return requireFile(path.join(cacheDir, "node_modules/.bin/code-server"), "code-server");
}

/** playwright-core lives in the e2e cache, outside the workspace, so it is loaded by path. */
export function playwright(): typeof import("playwright-core") {
  requireFile(path.join(cacheDir, "node_modules/playwright-core/package.json"), "playwright-core");
  return createRequire(path.join(cacheDir, "package.json"))("playwright-core");
}
