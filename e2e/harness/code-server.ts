import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { codeServerBin } from "./tools.js";

export interface CodeServer {
  /** The page that opens the workspace folder. */
  url: string;
  /** The served copy of the fixture workspace (edits and saves land here, not in the repo). */
  workspace: string;
  /** Everything code-server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  vsix: string;
  /** Folder copied to a fresh temporary workspace. */
  workspace: string;
  /** User settings.json. */
  settings?: Record<string, unknown>;
}

const quietSettings = {
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "extensions.autoUpdate": false,
  "extensions.autoCheckUpdates": false,
  "extensions.ignoreRecommendations": true,
  "update.mode": "none",
  "git.enabled": false,
  "editor.minimap.enabled": false,
  "editor.quickSuggestions": { other: false, comments: false, strings: false },
  "window.restoreWindows": "none",
  "files.autoSave": "off",
};

/**
 * Starts code-server with fresh user-data, extension and XDG folders under one temporary folder,
 * with the given .vsix installed, and serves a copy of the workspace on a loopback port.
 */
export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const bin = codeServerBin();
  const root = mkdtempSync(path.join(tmpdir(), "anchor-lint-code-server-"));
  const dirs = Object.fromEntries(
    ["user", "extensions", "config", "data", "cache", "tmp", "workspace"].map((d) => [d, path.join(root, d)]),
  ) as Record<"user" | "extensions" | "config" | "data" | "cache" | "tmp" | "workspace", string>;
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  cpSync(options.workspace, dirs.workspace, { recursive: true });
  mkdirSync(path.join(dirs.user, "User"), { recursive: true });
  writeFileSync(
    path.join(dirs.user, "User", "settings.json"),
    JSON.stringify({ ...quietSettings, ...options.settings }, null, 2),
  );

  const env = {
    ...process.env,
    XDG_CONFIG_HOME: dirs.config,
    XDG_DATA_HOME: dirs.data,
    XDG_CACHE_HOME: dirs.cache,
    TMPDIR: dirs.tmp,
    // No online gallery on this network: point it at a closed local port so it never waits on one.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: "http://127.0.0.1:9/gallery", itemUrl: "http://127.0.0.1:9/item" }),
  };
  const common = ["--user-data-dir", dirs.user, "--extensions-dir", dirs.extensions];

  const install = spawnSync(bin, [...common, "--install-extension", options.vsix], { env, encoding: "utf8" });
  if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
    rmSync(root, { recursive: true, force: true });
    throw new Error(`code-server could not install ${options.vsix}:\n${install.stdout}\n${install.stderr}`);
  }

  const port = await freePort();
  let log = "";
  const child: ChildProcess = spawn(
    bin,
    [
      ...common,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      dirs.workspace,
    ],
    // Its own process group, so that stopping it also ends the extension host and the language
    // server it started, and nothing else.
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // Already gone.
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(root, { recursive: true, force: true });
  };

  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`,
    workspace: dirs.workspace,
    output: () => log,
    stop,
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within 30 s:\n${log()}`);
}
