// The wiring of server.ts: a server that survives bad requests and speaks every transport. Each
// feature's own protocol tests are under test/handlers/.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMessageConnection, SocketMessageReader, SocketMessageWriter } from "vscode-jsonrpc/node";
import { ensureBuilt, serverPath } from "./client.js";
import { pathUri, start, workspace } from "./helpers.js";

describe("resilience", () => {
  it("answers garbage requests with errors or nulls and keeps serving", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "x.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, "\u0000{[[[\uffff");
    await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 99, character: 99 } }).catch(() => undefined);
    await client.request("textDocument/completion", { textDocument: { uri: "file:///nope.anchor.json" }, position: { line: 0, character: 0 } }).catch(() => undefined);
    await client.request("textDocument/codeAction", { textDocument: { uri }, range: null, context: null }).catch(() => undefined);
    await client.request("workspace/executeCommand", { command: "anchor-lint.disableRule", arguments: [42] }).catch(() => undefined);
    await client.connection.sendNotification("textDocument/didChange", { textDocument: { uri: "file:///unknown", version: 3 }, contentChanges: [{ text: "x" }] });
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toContain("json-syntax");
    const version = await client.change(uri, [{ text: '{ "count": 0 }' }]);
    expect((await client.diagnosticsFor(uri, version)).map((d) => d.code)).toEqual(["count-range"]);
    expect(existsSync(join(root, "anchor-lint.config.json"))).toBe(false);
  });
});

/**
 * Listens where the client of `--socket`/`--pipe` does (vscode-languageserver's server connects to
 * it), starts the server with `flag` and speaks LSP over the socket it opens: initialize, a didOpen,
 * and the diagnostics published for it.
 */
async function overSocket(listen: (server: Server) => void, flag: (server: Server) => string) {
  ensureBuilt();
  const server = createServer();
  const accepted = new Promise<Socket>((resolve, reject) => {
    server.once("connection", resolve);
    server.once("error", reject);
  });
  await new Promise<void>((resolve) => {
    server.once("listening", resolve);
    listen(server);
  });
  const child = spawn(process.execPath, [serverPath, flag(server)], { stdio: "ignore" });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`the server exited with ${code} before connecting`))));
  try {
    const socket = await Promise.race([accepted, exited]);
    const connection = createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket));
    const published = new Promise<any>((resolve) => connection.onNotification("textDocument/publishDiagnostics", resolve));
    connection.listen();
    try {
      const result: any = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
      await connection.sendNotification("initialized", {});
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: "file:///w/x.anchor.json", languageId: "json", version: 1, text: '{ "count": 0 }' } });
      return { result, published: await published };
    } finally {
      connection.dispose();
      socket.destroy();
    }
  } finally {
    child.kill();
    server.close();
  }
}

describe("transports", () => {
  it("speaks over a TCP socket with --socket=<port>", async () => {
    const { result, published } = await overSocket(
      (server) => server.listen(0, "127.0.0.1"),
      (server) => `--socket=${(server.address() as AddressInfo).port}`,
    );
    expect(result.serverInfo.name).toBe("anchor-lint-language-server");
    expect(published.diagnostics.map((d: any) => d.code)).toEqual(["count-range"]);
  });

  it("speaks over a named pipe with --pipe=<name>", async () => {
    const name = process.platform === "win32" ? `\\\\.\\pipe\\anchor-lint-${process.pid}-${Date.now()}` : join(mkdtempSync(join(tmpdir(), "anchor-lint-pipe-")), "lsp.sock");
    const { result, published } = await overSocket((server) => server.listen(name), () => `--pipe=${name}`);
    expect(result.serverInfo.name).toBe("anchor-lint-language-server");
    expect(published.diagnostics.map((d: any) => d.code)).toEqual(["count-range"]);
  });

  it("speaks over node IPC with --node-ipc", async () => {
    const { spawn } = await import("node:child_process");
    const { createMessageConnection, IPCMessageReader, IPCMessageWriter } = await import("vscode-jsonrpc/node");
    const { serverPath } = await import("./client.js");
    const child = spawn(process.execPath, [serverPath, "--node-ipc"], { stdio: ["ignore", "ignore", "ignore", "ipc"] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<any>((resolve) => connection.onNotification("textDocument/publishDiagnostics", resolve));
    connection.listen();
    try {
      const result: any = await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
      expect(result.capabilities.textDocumentSync.change).toBe(2);
      await connection.sendNotification("initialized", {});
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri: "file:///w/x.anchor.json", languageId: "json", version: 1, text: '{ "count": 0 }' } });
      expect((await published).diagnostics.map((d: any) => d.code)).toEqual(["count-range"]);
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
