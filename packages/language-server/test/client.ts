import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
export const serverPath = join(packageDir, "dist/server.js");

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/server.js when it is missing or older than the sources (the root `pnpm test` builds it first). */
export function ensureBuilt(): void {
  const sources = Math.max(newestMtime(join(packageDir, "src")), newestMtime(join(packageDir, "../core/src")), newestMtime(join(packageDir, "../node/src")), statSync(join(packageDir, "build.mjs")).mtimeMs);
  if (existsSync(serverPath) && statSync(serverPath).mtimeMs >= sources) return;
  mkdirSync(join(packageDir, "dist"), { recursive: true });
  const temporary = `${serverPath}.${process.pid}.tmp`;
  execFileSync(process.execPath, [join(packageDir, "build.mjs"), "--outfile", temporary], { stdio: "inherit" });
  renameSync(temporary, serverPath);
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: any[];
}

export interface ClientOptions {
  capabilities?: Record<string, unknown>;
  initializationOptions?: unknown;
  rootPath?: string;
  /** The server process's working folder (the test runner's by default). */
  cwd?: string;
  /** Answers workspace/configuration; undefined means the client does not declare the capability. */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
}

/** A minimal LSP client over the stdio of a spawned `node dist/server.js --stdio`. */
export class TestClient {
  readonly published: PublishedDiagnostics[] = [];
  readonly messages: { type: number; message: string }[] = [];
  readonly registrations: any[] = [];
  /** window/logMessage: the server logs every handler failure there. */
  readonly logs: string[] = [];
  refreshes = 0;
  /** The server's answer to initialize: its capabilities and serverInfo. */
  initializeResult: any;
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly connection: MessageConnection,
    readonly process: ChildProcess,
  ) {}

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    ensureBuilt();
    const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "pipe"], ...(options.cwd ? { cwd: options.cwd } : {}) });
    child.stderr!.on("data", () => undefined);
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, child);
    connection.onNotification("textDocument/publishDiagnostics", (params: PublishedDiagnostics) => {
      client.published.push(params);
      client.notify();
    });
    connection.onNotification("window/showMessage", (params: { type: number; message: string }) => {
      client.messages.push(params);
      client.notify();
    });
    connection.onNotification("window/logMessage", (params: { message: string }) => void client.logs.push(params.message));
    connection.onRequest("client/registerCapability", (params: { registrations: unknown[] }) => {
      client.registrations.push(...params.registrations);
      return null;
    });
    connection.onRequest("workspace/configuration", (params: { items: { scopeUri?: string; section?: string }[] }) =>
      params.items.map((item) => options.configuration?.(item) ?? null),
    );
    connection.onRequest("workspace/diagnostic/refresh", () => {
      client.refreshes++;
      client.notify();
      return null;
    });
    connection.listen();
    const capabilities = {
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
        hover: { contentFormat: ["markdown", "plaintext"] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
      },
      workspace: {
        workspaceEdit: { documentChanges: true, resourceOperations: ["create"] },
        ...(options.configuration ? { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } : {}),
        didChangeWatchedFiles: { dynamicRegistration: true },
      },
      ...options.capabilities,
    };
    client.initializeResult = await connection.sendRequest("initialize", {
      processId: process.pid,
      rootUri: options.rootPath ? pathUri(options.rootPath) : null,
      workspaceFolders: options.rootPath ? [{ uri: pathUri(options.rootPath), name: "root" }] : null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification("initialized", {});
    return client;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }

  /** Resolves when `check` returns a value, re-checked on every notification from the server. */
  until<T>(check: () => T | undefined, timeoutMs = 10_000, what = "condition"): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const attempt = () => {
        const value = check();
        if (value !== undefined) {
          clearTimeout(timer);
          resolve(value);
        } else {
          this.waiters.push(attempt);
        }
      };
      attempt();
    });
  }

  /** The diagnostics published for a version of a document (the latest version by default). */
  diagnosticsFor(uri: string, version = this.versions.get(uri)): Promise<any[]> {
    return this.until(
      () => {
        for (let i = this.published.length - 1; i >= 0; i--) {
          const entry = this.published[i]!;
          if (entry.uri === uri && (version === undefined || entry.version === undefined || entry.version === version)) return entry.diagnostics;
        }
        return undefined;
      },
      30_000,
      `diagnostics of ${uri} v${version}`,
    );
  }

  async open(uri: string, text: string, languageId = "json"): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, contentChanges: unknown[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest("shutdown"), new Promise((resolve) => setTimeout(resolve, 2000))]);
      await this.connection.sendNotification("exit");
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

export function pathUri(path: string): string {
  return pathToFileURL(path).href;
}
