import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { lint } from "@anchor-lint/core";
import { applyEdits, broken, editsOf, pathUri, start, workspace, type TestClient } from "../helpers.js";

describe("code actions", () => {
  async function actionsFor(client: TestClient, uri: string, diagnostics: any[], only?: string[]) {
    return client.request<any[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  it("offers each core fix as a preferred quick fix on its diagnostic", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    const diagnostics = await client.diagnosticsFor(uri);
    const country = diagnostics.find((d) => d.code === "proxy-country");
    const actions = await actionsFor(client, uri, [country]);
    const quickFix = actions.find((a) => a.title === 'Change "BT" to "bt"');
    expect(quickFix).toMatchObject({ kind: "quickfix", isPreferred: true, diagnostics: [country] });
    expect(applyEdits(broken, editsOf(quickFix.edit, uri))).toBe(broken.replace('"BT"', '"bt"'));
  });

  it("joins a string broken over two lines with \\n, and the buffer is then clean JSON with both lines' text", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "notes.anchor.json"));
    const client = await start({ rootPath: root });
    const text = '{\n  "count": 1,\n  "metadata": { "note": "first line\nsecond line" }\n}\n';
    await client.open(uri, text);
    const [syntax] = await client.diagnosticsFor(uri);
    expect(syntax.code).toBe("json-syntax");
    const action = (await actionsFor(client, uri, [syntax])).find((a) => a.kind === "quickfix");
    const after = applyEdits(text, editsOf(action.edit, uri));
    expect(JSON.parse(after).metadata.note).toBe("first line\nsecond line");
    expect(lint(after)).toEqual([]);
  });

  it("never prefers an unsafe fix", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "proxy.anchor.json"));
    const client = await start({ rootPath: root });
    const text = '{ "count": 1, "configuration": { "session": { "proxy": { "active": true, "type": "custom", "server": "http://h:1", "username": "${env:U}", "password": "pw" } } } }';
    await client.open(uri, text);
    const [plaintext] = await client.diagnosticsFor(uri);
    expect(plaintext.code).toBe("no-plaintext-proxy-credentials");
    const [action] = (await actionsFor(client, uri, [plaintext])).filter((a) => a.title.startsWith("Replace with"));
    expect(action.isPreferred).toBe(false);
    expect(applyEdits(text, editsOf(action.edit, uri))).toContain('"password": "${env:ANCHOR_PROXY_PASSWORD}"');
    expect(JSON.stringify(plaintext)).not.toContain('"pw"');
  });

  it("finds the fix again when the client drops the diagnostic's data", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    const { data: _data, ...typo } = (await client.diagnosticsFor(uri)).find((d) => d.code === "known-property");
    const actions = await actionsFor(client, uri, [typo]);
    expect(applyEdits(broken, editsOf(actions.find((a) => a.title === 'Rename to "headless"').edit, uri))).toBe(broken.replace('"headles"', '"headless"'));
  });

  it("fixes everything fixable with source.fixAll.anchor-lint", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    await client.diagnosticsFor(uri);
    const actions = await actionsFor(client, uri, [], ["source.fixAll"]);
    expect(actions.map((a) => a.kind)).toEqual(["source.fixAll.anchor-lint"]);
    const fixed = applyEdits(broken, editsOf(actions[0].edit, uri));
    expect(fixed).toBe(broken.replace('"BT"', '"bt"').replace('"headles"', '"headless"'));
    expect(lint(fixed).map((f) => f.ruleId)).toEqual(["count-range"]);
  });

  it("fix-all keeps the promises of docs/fixes.md: a rename and a move into the same new object lose nothing", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "proxy.anchor.json"));
    const client = await start({ rootPath: root });
    const text =
      '{\n  "count": 1,\n  "configuration": {\n    "sesion": { "proxy": { "active": true, "type": "custom", "server": "http://p.example.com:8080", "username": "${env:U}", "password": "${env:P}" } },\n    "browser": { "initial_url": "https://example.com" }\n  }\n}';
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const [action] = await actionsFor(client, uri, [], ["source.fixAll"]);
    const fixed = applyEdits(text, editsOf(action.edit, uri));
    expect(JSON.parse(fixed)).toEqual({
      count: 1,
      configuration: { session: { proxy: { active: true, type: "custom", server: "http://p.example.com:8080", username: "${env:U}", password: "${env:P}" }, initial_url: "https://example.com" }, browser: {} },
    });
  });

  it("a duplicate key with a different value is a quick fix to choose, never preferred, and fix-all leaves it", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "dup.anchor.json"));
    const client = await start({ rootPath: root });
    const text = '{"count": 1, "count": 2}';
    await client.open(uri, text);
    const duplicate = (await client.diagnosticsFor(uri)).find((d) => d.code === "no-duplicate-keys");
    const [remove] = (await actionsFor(client, uri, [duplicate])).filter((a) => a.title.startsWith("Remove the earlier"));
    expect(remove.isPreferred).toBe(false);
    expect(applyEdits(text, editsOf(remove.edit, uri))).toBe('{"count": 2}');
    const fixAll = await actionsFor(client, uri, [], ["source.fixAll"]);
    expect(fixAll.flatMap((a) => editsOf(a.edit, uri))).toEqual([]);
  });

  it("disables a rule by creating anchor-lint.config.json at the workspace root", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    const count = (await client.diagnosticsFor(uri)).find((d) => d.code === "count-range");
    const action = (await actionsFor(client, uri, [count])).find((a) => a.title === "Disable count-range in anchor-lint.config.json");
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    expect(action.edit.documentChanges[0]).toEqual({ kind: "create", uri: configUri, options: { ignoreIfExists: true } });
    const content = applyEdits("", action.edit.documentChanges[1].edits);
    expect(JSON.parse(content)).toEqual({ rules: { "count-range": "off" } });
  });

  it("disables a rule by editing an existing config file, keeping its other settings", async () => {
    const root = workspace({ "anchor-lint.config.json": '{\n  "maxCount": 5000,\n  "rules": { "strict-json": "off" }\n}\n' });
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    const typo = (await client.diagnosticsFor(uri)).find((d) => d.code === "known-property");
    const action = (await actionsFor(client, uri, [typo])).find((a) => a.title.startsWith("Disable known-property"));
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    const edited = applyEdits(readFileSync(join(root, "anchor-lint.config.json"), "utf8"), editsOf(action.edit, configUri));
    expect(JSON.parse(edited)).toEqual({ maxCount: 5000, rules: { "strict-json": "off", "known-property": "off" } });
  });

  it("writes the config file itself for a client that cannot create files", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, capabilities: { workspace: { workspaceEdit: { documentChanges: false } } } });
    await client.open(uri, broken);
    const count = (await client.diagnosticsFor(uri)).find((d) => d.code === "count-range");
    const action = (await actionsFor(client, uri, [count])).find((a) => a.title.startsWith("Disable count-range"));
    expect(action.edit).toBeUndefined();
    const before = client.published.length;
    await client.request("workspace/executeCommand", action.command);
    expect(JSON.parse(readFileSync(join(root, "anchor-lint.config.json"), "utf8"))).toEqual({ rules: { "count-range": "off" } });
    // The server re-checks with the new file.
    const republished = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(republished.diagnostics.map((d: any) => d.code)).toEqual(["proxy-country", "known-property"]);
  });
});
