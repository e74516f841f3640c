// The wiring of server.ts: a server that survives bad requests and speaks every transport. Each
// feature's own protocol tests are under test/handlers/.
import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
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

describe("transports", () => {
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
