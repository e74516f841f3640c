// The benchmarks' LSP client: a server started over stdio, diagnostics awaited by version.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(new URL("../../packages/language-server/package.json", import.meta.url));
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require("vscode-jsonrpc/node");

/** Starts `node <path> --stdio` and initializes it with the given client capabilities. */
export async function startServer(path, capabilities = { textDocument: { completion: { completionItem: { snippetSupport: true } } } }) {
  const child = spawn(process.execPath, [path, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification("textDocument/publishDiagnostics", (params) => {
    const resolve = waiting.get(params.version);
    if (resolve) {
      waiting.delete(params.version);
      resolve(params.diagnostics);
    }
  });
  connection.onNotification("window/logMessage", () => undefined);
  connection.onNotification("window/showMessage", () => undefined);
  connection.onRequest(() => null);
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities });
  await connection.sendNotification("initialized", {});
  const diagnosticsOf = (version) => new Promise((resolve) => waiting.set(version, resolve));
  return {
    connection,
    diagnosticsOf,
    async stop() {
      await connection.sendRequest("shutdown").catch(() => undefined);
      await connection.sendNotification("exit").catch(() => undefined);
      connection.dispose();
      child.kill();
    },
  };
}

/** The LSP position of an offset (line breaks are "\n" in the bench texts). */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
