import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import { ensureBuilt, pathUri, serverPath, type ClientOptions } from "./client.js";
import { broken, start, workspace } from "./helpers.js";

// What real clients send and expect, beyond what VS Code does: ALE's code-action requests,
// plaintext-only clients, the lifecycle errors, the newer optional features.

async function opened(options: ClientOptions = {}, text = broken) {
  const root = workspace();
  const client = await start({ rootPath: root, ...options });
  const uri = pathUri(join(root, "batch.anchor.json"));
  await client.open(uri, text);
  const diagnostics = await client.diagnosticsFor(uri);
  return { client, uri, diagnostics };
}

describe("code actions, whatever the client sends back", () => {
  it("offers the per-diagnostic fix and 'disable rule' for ALE's diagnostics: code, message and range only", async () => {
    const { client, uri, diagnostics } = await opened();
    const country = diagnostics.find((d) => d.code === "proxy-country")!;
    // ALE 3.3 (autoload/ale/codefix.vim): no source, no data, no severity; its end column as it keeps it.
    const sent = { code: "proxy-country", message: country.message, range: { start: country.range.start, end: { line: country.range.end.line, character: country.range.end.character } } };
    const actions = await client.request<any[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: country.range.start, end: country.range.start }, context: { diagnostics: [sent] } });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain('Change "BT" to "bt"');
    expect(titles).toContain("Disable proxy-country in anchor-lint.config.json");
    const change = actions.find((a) => a.title === 'Change "BT" to "bt"');
    const edits = change.edit.documentChanges?.[0]?.edits ?? change.edit.changes[uri];
    expect(edits.map((e: any) => e.newText)).toEqual(['"bt"']);
  });

  it("offers the fixes under the cursor to a client that sends no diagnostics", async () => {
    const { client, uri, diagnostics } = await opened();
    const typo = diagnostics.find((d) => d.code === "known-property")!;
    const actions = await client.request<any[]>("textDocument/codeAction", { textDocument: { uri }, range: { start: typo.range.start, end: typo.range.start }, context: { diagnostics: [] } });
    expect(actions.map((a) => a.title)).toContain('Rename to "headless"');
  });

  it("leaves other servers' diagnostics alone", async () => {
    const { client, uri, diagnostics } = await opened();
    const country = diagnostics.find((d) => d.code === "proxy-country")!;
    const foreign = { ...country, source: "jsonls", data: undefined };
    const actions = await client.request<any[]>("textDocument/codeAction", { textDocument: { uri }, range: country.range, context: { diagnostics: [foreign], only: ["quickfix"] } });
    expect(actions).toEqual([]);
  });
});

describe("what a client asks for", () => {
  it("gets plaintext hovers and documentation when it asks for plaintext (ALE)", async () => {
    const plainOnly = {
      capabilities: {
        textDocument: {
          hover: { contentFormat: ["plaintext"] },
          completion: { completionItem: { snippetSupport: false, documentationFormat: ["plaintext"] } },
        },
      },
    };
    const text = '{ "count": 2000, "configuration": { "session": { "proxy": { "active": true, "type": "anchor_mobile", "country_code": "" } } } }';
    const { client, uri } = await opened(plainOnly, text);
    const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 12 } });
    expect(hover.contents.kind).toBe("plaintext");
    expect(hover.contents.value).toContain("Number of sessions to create in the batch");
    expect(hover.contents.value).toContain("count-range");
    expect(hover.contents.value).not.toMatch(/\*\*|`|\]\(/);
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: text.lastIndexOf('"') } });
    const bt = list.items.find((item: any) => item.label === "bt");
    expect(typeof bt.documentation).toBe("string");
    expect(bt.documentation).toMatch(/^Bhutan\n\nOffered by: anchor_/);
  });

  it("shows the country name on every row to a client with label details (VS Code)", async () => {
    const text = '{ "configuration": { "session": { "proxy": { "type": "anchor_mobile", "country_code": "" } } } }';
    const { client, uri } = await opened({ capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } } } } }, text);
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position: { line: 0, character: text.lastIndexOf('"') } });
    const bt = list.items.find((item: any) => item.label === "bt");
    expect(bt).toMatchObject({ labelDetails: { description: "Bhutan" }, filterText: "bt Bhutan", textEdit: { newText: "bt" } });
  });

  it("tags unknown keys as unnecessary", async () => {
    const { diagnostics } = await opened();
    expect(diagnostics.find((d) => d.code === "known-property")!.tags).toEqual([1]);
    expect(diagnostics.find((d) => d.code === "count-range")!.tags).toBeUndefined();
  });

  it("tags the overridden one of duplicate keys as unnecessary, not the one that wins", async () => {
    const { diagnostics } = await opened({}, '{\n  "count": 1,\n  "count": 2\n}\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "no-duplicate-keys", tags: [1], range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } } });
  });

  it("answers selection ranges from the string's content outwards", async () => {
    const { client, uri } = await opened();
    const [range] = await client.request<any[]>("textDocument/selectionRange", { textDocument: { uri }, positions: [{ line: 3, character: 87 }] });
    const lines = broken.split("\n");
    const chain: string[] = [];
    for (let step = range; step; step = step.parent) {
      if (step.range.start.line === step.range.end.line) chain.push(lines[step.range.start.line]!.slice(step.range.start.character, step.range.end.character));
    }
    expect(chain.slice(0, 3)).toEqual(["BT", '"BT"', '"country_code": "BT"']);
  });
});

describe("the lifecycle", () => {
  it("names its version, refuses requests before initialize and after shutdown", async () => {
    ensureBuilt();
    const child = spawn(process.execPath, [serverPath, "--stdio"], { stdio: ["pipe", "pipe", "ignore"] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
    try {
      const position = { textDocument: { uri: "file:///x.anchor.json" }, position: { line: 0, character: 0 } };
      await expect(connection.sendRequest("textDocument/hover", position)).rejects.toMatchObject({ code: -32002 });
      const result: any = await connection.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
      const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
      expect(result.serverInfo).toEqual({ name: "anchor-lint-language-server", version });
      await connection.sendNotification("initialized", {});
      await expect(connection.sendRequest("textDocument/hover", position)).resolves.toBeNull();
      await connection.sendRequest("shutdown");
      await expect(connection.sendRequest("textDocument/hover", position)).rejects.toMatchObject({ code: -32600 });
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
