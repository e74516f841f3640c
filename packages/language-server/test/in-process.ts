// A server started in the test's own process (`startServer`, as an embedder does) over in-memory
// streams, so that a test can run it under vitest's fake timers: what a delay promises is then
// checked to the millisecond without waiting for it.
import { PassThrough } from "node:stream";
import { createConnection } from "vscode-languageserver/node";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import { startServer } from "../src/server.js";
import type { PublishedDiagnostics } from "./client.js";

export interface InProcessClient {
  readonly connection: MessageConnection;
  readonly published: PublishedDiagnostics[];
  open(uri: string, text: string): Promise<void>;
  /** Sends a whole-document change as the next version; returns that version. */
  change(uri: string, text: string): Promise<number>;
  dispose(): void;
}

/**
 * Real turns of the event loop (setImmediate is never faked here): enough for every message on
 * the streams to be read and for each run the fake clock has made due to lint and publish.
 */
export async function settle(): Promise<void> {
  for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve));
}

export async function startInProcess(): Promise<InProcessClient> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader and writer objects, not streams: the streams' end would otherwise exit the process.
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)));
  const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishedDiagnostics[] = [];
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishedDiagnostics) => void published.push(params));
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  // No processId: the server would watch that process with a timer of its own.
  const initialized = connection.sendRequest("initialize", { processId: null, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
  await settle();
  await initialized;
  await connection.sendNotification("initialized", {});
  const versions = new Map<string, number>();
  return {
    connection,
    published,
    async open(uri, text) {
      versions.set(uri, 1);
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "json", version: 1, text } });
    },
    async change(uri, text) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
      return version;
    },
    dispose() {
      // Never `exit`: in this process it would end the test run.
      connection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
}
