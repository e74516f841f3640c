// Packs the workspace's publishable packages the way a release would, from a copy of the checkout with
// no build output (so each package's prepack must build it), and installs the tarballs with npm into a
// folder outside any workspace.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { repoRoot } from "./tools.js";

export interface PackedPackage {
  name: string;
  /** Folder of the package in the checkout, relative to its root. */
  folder: string;
  tarball: string;
  /** Paths inside the tarball, without the leading `package/`. */
  files: string[];
}

/** Every workspace package that is not private, in the order `packages/*`, then `apps/*`. */
export function publishablePackages(root = repoRoot): { name: string; folder: string }[] {
  const found: { name: string; folder: string }[] = [];
  for (const parent of ["packages", "apps"]) {
    for (const entry of readdirSync(path.join(root, parent)).sort()) {
      const manifest = path.join(root, parent, entry, "package.json");
      if (!existsSync(manifest)) continue;
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; private?: boolean };
      if (!pkg.private) found.push({ name: pkg.name, folder: `${parent}/${entry}` });
    }
  }
  return found;
}

/** A copy of the checkout as git sees it (tracked and untracked-but-not-ignored files): no dist/, no node_modules. */
export function cleanCopy(into: string): string {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" });
  const copy = path.join(into, "checkout");
  for (const file of listed.split("\0").filter(Boolean)) {
    const from = path.join(repoRoot, file);
    if (!existsSync(from)) continue; // deleted in the working tree
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(from, path.join(copy, file));
  }
  return copy;
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} (in ${cwd}) failed: ${failed.message}\n${failed.stdout ?? ""}\n${failed.stderr ?? ""}`);
  }
}

/** The README's command that packs the packages of a checkout (its "Install" section). */
export const PACK_COMMAND = ["-r", "--workspace-concurrency=1", "--filter", "./packages/*", "pack", "--pack-destination"];

/**
 * Installs the copy's dependencies (from pnpm's store when it has them) and packs the packages with
 * the README's command: `pnpm pack` rewrites `workspace:*` and runs prepack, which builds. Turbo gets
 * an empty cache of its own, so every build really runs.
 */
export function packAll(copy: string, out: string): PackedPackage[] {
  const env = { TURBO_TELEMETRY_DISABLED: "1", TURBO_CACHE_DIR: path.join(out, "..", "turbo-cache"), CI: "true" };
  run("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], copy, env);
  mkdirSync(out, { recursive: true });
  run("pnpm", [...PACK_COMMAND, out], copy, env);
  return publishablePackages(copy).map(({ name, folder }) => {
    const version = (JSON.parse(readFileSync(path.join(copy, folder, "package.json"), "utf8")) as { version: string }).version;
    const file = path.join(out, `${name.replace(/^@/, "").replace("/", "-")}-${version}.tgz`);
    if (!existsSync(file)) throw new Error(`packing gave no ${path.basename(file)} for ${name} (${folder}); found ${readdirSync(out).join(", ")}`);
    const files = run("tar", ["-tzf", file], out).split("\n").filter(Boolean).map((entry) => entry.replace(/^package\//, ""));
    return { name, folder, tarball: file, files };
  });
}

/** A fresh npm project (no workspace above it) with every tarball installed at once. */
export function installTarballs(packed: readonly PackedPackage[], into: string): string {
  const project = path.join(into, "project");
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, "package.json"), '{ "name": "anchor-lint-user", "private": true, "version": "1.0.0" }\n');
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...packed.map((p) => p.tarball)], project, {
    npm_config_workspaces: "false",
  });
  return project;
}

/** Unpacks a tarball into a folder of its own and returns that folder. */
export function unpack(tarball: string, into: string): string {
  const folder = mkdtempSync(path.join(into, "unpacked-"));
  execFileSync("tar", ["-xzf", tarball, "-C", folder]);
  return path.join(folder, "package");
}

/** Sends `initialize` to a language server over stdio and resolves with its answer. */
export function initializeServer(command: string, args: string[], cwd: string): Promise<{ result?: { capabilities?: Record<string, unknown>; serverInfo?: { name?: string } } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ["pipe", "pipe", "pipe"] });
    let buffer = Buffer.alloc(0);
    let stderr = "";
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no initialize answer within 20 s; stderr:\n${stderr}`));
    }, 20_000);
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.stdout.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const header = /Content-Length: (\d+)\r\n\r\n/.exec(buffer.toString("latin1"));
      if (!header) return;
      const start = header.index + header[0].length;
      const length = Number(header[1]);
      if (buffer.length < start + length) return;
      clearTimeout(timer);
      const message = JSON.parse(buffer.subarray(start, start + length).toString("utf8"));
      child.kill();
      resolve(message);
    });
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: process.pid, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

export function temporaryFolder(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
