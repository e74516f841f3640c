import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyEdits, editsOf, pathUri, start, workspace, type TestClient } from "../helpers.js";

const PASSWORD = "S3cret-Pa55";
const proxy = { type: "custom", server: "http://alice:S3cret-url@proxy.example.com:8080", username: "alice-the-user", password: PASSWORD, active: true };

async function actionsFor(client: TestClient, uri: string, diagnostics: any[], only?: string[]) {
  return client.request<any[]>("textDocument/codeAction", {
    textDocument: { uri },
    range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  });
}

function leaks(value: unknown): string[] {
  const text = JSON.stringify(value);
  return [PASSWORD, "alice-the-user", "S3cret-url"].filter((secret) => text.includes(secret));
}

describe("credentials never leave the server", () => {
  it("in diagnostics, their data, quick fixes and fix-all, for a misplaced proxy", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const text = JSON.stringify({ count: 1, configuration: { proxy } }, null, 2);
    const client = await start({ rootPath: root });
    await client.open(uri, text);
    const diagnostics = await client.diagnosticsFor(uri);
    expect(diagnostics.some((d) => d.code === "known-property")).toBe(true);
    expect(leaks(client.published)).toEqual([]);
    const actions = [...(await actionsFor(client, uri, diagnostics)), ...(await actionsFor(client, uri, [], ["source.fixAll"]))];
    expect(leaks(actions)).toEqual([]);
  });

  it("in fix-all when fixes sit on both sides of the proxy: separate edits, still fixing both", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const text = `{\n  "count": 1,\n  "count": 1,\n  "configuration": {\n    "session": {\n      "proxy": ${JSON.stringify({ ...proxy, server: "http://proxy.example.com:8080" })},\n      "tags": ["a"],\n      "tags": ["a"]\n    }\n  }\n}\n`;
    const client = await start({ rootPath: root });
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const actions = await actionsFor(client, uri, [], ["source.fixAll"]);
    expect(actions).toHaveLength(1);
    expect(leaks(actions)).toEqual([]);
    const fixed = applyEdits(text, editsOf(actions[0].edit, uri));
    expect(fixed.match(/"count"/g)).toHaveLength(1);
    expect(fixed.match(/"tags"/g)).toHaveLength(1);
    expect(JSON.parse(fixed).configuration.session.proxy.password).toBe(PASSWORD);
  });

  it("in the outline and hovers", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy } } }, null, 2);
    const client = await start({ rootPath: root });
    await client.open(uri, text);
    const symbols = await client.request("textDocument/documentSymbol", { textDocument: { uri } });
    expect(JSON.stringify(symbols)).toContain("proxy.example.com");
    expect(leaks(symbols)).toEqual([]);
    const lines = text.split("\n");
    for (let line = 0; line < lines.length; line++) {
      for (let character = 0; character < lines[line]!.length; character += 3) {
        expect(leaks(await client.request("textDocument/hover", { textDocument: { uri }, position: { line, character } }))).toEqual([]);
      }
    }
  });
});

describe("anchor-lint.disableRule", () => {
  it("writes only inside a workspace folder or next to an open document", async () => {
    const root = workspace();
    const outside = mkdtempSync(join(tmpdir(), "anchor-lint-outside-"));
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, capabilities: { workspace: { workspaceEdit: { documentChanges: false } } } });
    await client.open(uri, '{ "count": 0 }');
    await client.diagnosticsFor(uri);
    for (const target of [join(outside, "anchor-lint.config.json"), join(root, "..", "anchor-lint.config.json")]) {
      await client.request("workspace/executeCommand", { command: "anchor-lint.disableRule", arguments: [pathUri(target), "count-range"] });
      expect(existsSync(target), target).toBe(false);
    }
    const escaped = `${pathUri(root)}/sub/../../${outside.split("/").pop()}/anchor-lint.config.json`;
    await client.request("workspace/executeCommand", { command: "anchor-lint.disableRule", arguments: [escaped, "count-range"] });
    expect(existsSync(join(outside, "anchor-lint.config.json"))).toBe(false);
    // Inside the workspace it still works.
    await client.request("workspace/executeCommand", { command: "anchor-lint.disableRule", arguments: [pathUri(join(root, "anchor-lint.config.json")), "count-range"] });
    expect(JSON.parse(readFileSync(join(root, "anchor-lint.config.json"), "utf8"))).toEqual({ rules: { "count-range": "off" } });
  });

  it("writes next to an open document outside every workspace folder", async () => {
    const root = workspace();
    const elsewhere = mkdtempSync(join(tmpdir(), "anchor-lint-elsewhere-"));
    const uri = pathUri(join(elsewhere, "batch.anchor.json"));
    const client = await start({ rootPath: root, capabilities: { workspace: { workspaceEdit: { documentChanges: false } } } });
    await client.open(uri, '{ "count": 0 }');
    await client.diagnosticsFor(uri);
    await client.request("workspace/executeCommand", { command: "anchor-lint.disableRule", arguments: [pathUri(join(elsewhere, "anchor-lint.config.json")), "count-range"] });
    expect(JSON.parse(readFileSync(join(elsewhere, "anchor-lint.config.json"), "utf8"))).toEqual({ rules: { "count-range": "off" } });
  });
});

describe("file text in the config file's diagnostics", () => {
  it("shows control characters of a config key escaped, not raw (ESC, U+202E, a line break)", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "anchor-lint.config.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, '{"rules": {"x\\u001b[2J\\u202e\\n::error::y": "off"}}');
    const diagnostics = await client.diagnosticsFor(uri);
    expect(diagnostics).toHaveLength(1);
    const message: string = diagnostics[0].message;
    expect(message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(message).toContain("x\\u001b[2J\\u202e\\u000a::error::y");
  });
});
