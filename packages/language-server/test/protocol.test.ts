import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { lint } from "@anchor-lint/core";
import { TestClient, pathUri, type ClientOptions } from "./client.js";

const broken = `{
  "count": 2000,
  "configuration": {
    "session": { "proxy": { "active": true, "type": "anchor_mobile", "country_code": "BT" } },
    "browser": { "headles": { "active": true } }
  }
}
`;

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

function workspace(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), "anchor-lint-ls-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

async function start(options: ClientOptions = {}): Promise<TestClient> {
  const client = await TestClient.start(options);
  clients.push(client);
  return client;
}

/** Splits a cursor-marked document (`|` is the cursor) into its text and LSP position. */
function cursor(marked: string) {
  const offset = marked.indexOf("|");
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split("\n");
  return { text, position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

function offsetOf(text: string, position: { line: number; character: number }): number {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i]!.length + 1;
  return offset + position.character;
}

function applyEdits(text: string, edits: { range: any; newText: string }[]): string {
  const sorted = edits.map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.newText }));
  sorted.sort((a, b) => b.start - a.start);
  return sorted.reduce((out, e) => out.slice(0, e.start) + e.newText + out.slice(e.end), text);
}

/** Resolves snippet placeholders to their first choice or default, as accepting an item without typing does. */
function plain(snippet: string): string {
  return snippet.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, "$1").replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\d+/g, "");
}

function editsOf(edit: any, uri: string): any[] {
  if (edit.changes) return edit.changes[uri] ?? [];
  return edit.documentChanges.filter((change: any) => change.textDocument?.uri === uri).flatMap((change: any) => change.edits);
}

describe("diagnostics", () => {
  it("pushes diagnostics on open with rule id, docs link, source, 0-based range and severity", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    const diagnostics = await client.diagnosticsFor(uri);
    expect(diagnostics.map((d) => d.code)).toEqual(["count-range", "proxy-country", "known-property"]);
    expect(diagnostics[0]).toMatchObject({
      range: { start: { line: 1, character: 11 }, end: { line: 1, character: 15 } },
      severity: 1,
      source: "anchor-lint",
      message: "Session count must be between 1 and 1000 (found 2000).",
      codeDescription: { href: "https://github.com/anchor-lint/anchor-lint/blob/main/docs/rules/count-range.md" },
    });
    expect(diagnostics[2].severity).toBe(2);
  });

  it("carries related information where a rule involves two places", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "captcha.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, '{ "count": 1, "configuration": { "browser": { "captcha_solver": { "active": true } } } }');
    const [diagnostic] = await client.diagnosticsFor(uri);
    expect(diagnostic.code).toBe("captcha-requires-proxy");
    expect(diagnostic.relatedInformation[0]).toMatchObject({ location: { uri }, message: expect.stringContaining("No proxy is configured") });
  });

  it("re-checks on incremental changes and clears on close", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    expect(await client.diagnosticsFor(uri)).toHaveLength(3);
    // "2000" -> "20"
    await client.change(uri, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } }, text: "" }]);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country", "known-property"]);
    const before = client.published.length;
    await client.close(uri);
    const cleared = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(cleared.diagnostics).toEqual([]);
  });

  it("leaves files outside the file pattern alone", async () => {
    const root = workspace();
    const client = await start({ rootPath: root });
    const other = pathUri(join(root, "package.json"));
    const mine = pathUri(join(root, "a.anchor.json"));
    await client.open(other, '{ "count": 5000 }');
    await client.open(mine, '{ "count": 5000 }');
    expect(await client.diagnosticsFor(mine)).toHaveLength(1);
    expect(client.published.filter((p) => p.uri === other)).toEqual([]);
    expect(await client.request("textDocument/completion", { textDocument: { uri: other }, position: { line: 0, character: 1 } })).toBeNull();
  });

  it("serves pull diagnostics to a client that declares them, and still pushes the same ones", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    await client.open(uri, broken);
    const report = await client.request("textDocument/diagnostic", { textDocument: { uri } });
    expect(report.kind).toBe("full");
    expect(report.items.map((d: any) => d.code)).toEqual(["count-range", "proxy-country", "known-property"]);
    const again = await client.request("textDocument/diagnostic", { textDocument: { uri }, previousResultId: report.resultId });
    expect(again.kind).toBe("unchanged");
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } }, text: "" }]);
    const changed = await client.request("textDocument/diagnostic", { textDocument: { uri }, previousResultId: report.resultId });
    expect(changed.items.map((d: any) => d.code)).toEqual(["proxy-country", "known-property"]);
    const pushed = await client.until(() => client.published.filter((p) => p.uri === uri && p.version === version).at(-1));
    expect(pushed.diagnostics).toEqual(changed.items);
  });
});

describe("pull diagnostics and settings", () => {
  it("asks a pulling client to refresh when the config file changes, then answers with the new config", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({
      rootPath: root,
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await client.open(uri, broken);
    const first = await client.request("textDocument/diagnostic", { textDocument: { uri } });
    expect(first.items).toHaveLength(3);
    writeFileSync(join(root, "anchor-lint.config.json"), JSON.stringify({ rules: { "count-range": "off" } }));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathUri(join(root, "anchor-lint.config.json")), type: 1 }] });
    await client.until(() => (client.refreshes > 0 ? true : undefined));
    const second = await client.request("textDocument/diagnostic", { textDocument: { uri }, previousResultId: first.resultId });
    expect(second.kind).toBe("full");
    expect(second.items.map((d: any) => d.code)).toEqual(["proxy-country", "known-property"]);
  });
});

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

describe("settings and config files", () => {
  it("applies the workspace's anchor-lint.config.json", async () => {
    const root = workspace({ "anchor-lint.config.json": JSON.stringify({ maxCount: 5000, rules: { "known-property": "off" } }) });
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country"]);
  });

  it("lets settings override the config file, and re-checks when either changes", async () => {
    const root = workspace({ "anchor-lint.config.json": JSON.stringify({ rules: { "known-property": "off" } }) });
    const uri = pathUri(join(root, "batch.anchor.json"));
    let settings: Record<string, unknown> = { rules: { "proxy-country": "warn" } };
    const client = await start({ rootPath: root, configuration: () => settings });
    await client.open(uri, broken);
    const first = await client.diagnosticsFor(uri);
    expect(first.map((d) => [d.code, d.severity])).toEqual([["count-range", 1], ["proxy-country", 2]]);
    expect(client.registrations.map((r) => r.method)).toEqual(expect.arrayContaining(["workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles"]));

    settings = { maxCount: 3000, rules: { "known-property": "error" } };
    let before = client.published.length;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    let next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics.map((d: any) => [d.code, d.severity])).toEqual([["proxy-country", 1], ["known-property", 1]]);

    settings = {};
    writeFileSync(join(root, "anchor-lint.config.json"), JSON.stringify({ rules: { "proxy-country": "off" } }));
    before = client.published.length;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathUri(join(root, "anchor-lint.config.json")), type: 2 }] });
    next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics.map((d: any) => d.code)).toEqual(["count-range", "known-property"]);
  });

  it("reads initializationOptions and didChangeConfiguration from clients without workspace/configuration", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, initializationOptions: { anchorLint: { maxCount: 5000 } } });
    await client.open(uri, broken);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country", "known-property"]);
    const before = client.published.length;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { anchorLint: { enable: false } } });
    // Disabling clears what was shown.
    const next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics).toEqual([]);
  });

  it("follows edits of the open config file before they are saved", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    await client.diagnosticsFor(uri);
    const before = client.published.length;
    await client.open(configUri, '{ "rules": { "count-range": "off", "proxy-country": "off" } }');
    const next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics.map((d: any) => d.code)).toEqual(["known-property"]);
    expect(client.published.some((p) => p.uri === configUri)).toBe(false);
  });

  it("uses a custom file pattern", async () => {
    const root = workspace();
    const client = await start({ rootPath: root, initializationOptions: { filePattern: "**/batches/*.json" } });
    const inside = pathUri(join(root, "batches", "a.json"));
    await client.open(inside, '{ "count": 0 }');
    expect((await client.diagnosticsFor(inside)).map((d) => d.code)).toEqual(["count-range"]);
  });

  it("reports a broken config file once and keeps linting", async () => {
    const root = workspace({ "anchor-lint.config.json": '{ "rules": { "no-such-rule": "off" } }' });
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    expect(await client.diagnosticsFor(uri)).toHaveLength(3);
    const message = await client.until(() => client.messages[0]);
    expect(message.message).toContain("no-such-rule");
  });
});

describe("editor features", () => {
  async function openMarked(marked: string) {
    const root = workspace();
    const uri = pathUri(join(root, "edit.anchor.json"));
    const client = await start({ rootPath: root });
    const { text, position } = cursor(marked);
    await client.open(uri, text);
    return { client, uri, text, position };
  }

  it("completes country codes of the proxy's type, with names", async () => {
    const { client, uri, text, position } = await openMarked('{ "count": 1, "configuration": { "session": { "proxy": { "active": true, "type": "anchor_mobile", "country_code": "|" } } } }');
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position });
    const bt = list.items.find((item: any) => item.label === "bt");
    expect(bt).toMatchObject({ detail: "Bhutan", kind: 12 });
    expect(list.items.some((item: any) => item.label === "hk")).toBe(false);
    expect(applyEdits(text, [bt.textEdit])).toContain('"country_code": "bt"');
  });

  it("re-filters country codes when the type changes", async () => {
    const { client, uri, text, position } = await openMarked('{ "configuration": { "session": { "proxy": { "type": "anchor_mobile", "country_code": "|" } } } }');
    await client.change(uri, [{ range: { start: { line: 0, character: text.indexOf("anchor_mobile") }, end: { line: 0, character: text.indexOf("anchor_mobile") + 13 } }, text: "anchor_residential" }]);
    const shifted = { line: 0, character: position.character + "anchor_residential".length - "anchor_mobile".length };
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position: shifted });
    const labels = list.items.map((item: any) => item.label);
    expect(labels).toContain("hk");
    expect(labels).not.toContain("bt");
  });

  it("completes keys with snippets, skipping present ones", async () => {
    const { client, uri, text, position } = await openMarked('{ "configuration": { "browser": { "headless": { "active": true }, | } } }');
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position });
    const labels = list.items.map((item: any) => item.label);
    expect(labels).not.toContain("headless");
    const adblock = list.items.find((item: any) => item.label === "adblock");
    expect(adblock).toMatchObject({ kind: 10, insertTextFormat: 2, documentation: { kind: "markdown" } });
    expect(plain(applyEdits(text, [adblock.textEdit]))).toBe('{ "configuration": { "browser": { "headless": { "active": true }, "adblock": {\n\t\n} } } }');
  });

  it("inserts plain text for a client without snippet support", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "plain.anchor.json"));
    const client = await start({ rootPath: root, capabilities: { textDocument: { completion: { completionItem: { snippetSupport: false } } } } });
    const { text, position } = cursor('{ "configuration": { "browser": { "headless": { | } } } }');
    await client.open(uri, text);
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position });
    const active = list.items.find((item: any) => item.label === "active");
    expect(active.insertTextFormat).toBe(1);
    expect(applyEdits(text, [active.textEdit])).toBe('{ "configuration": { "browser": { "headless": { "active": true } } } }');
    expect(typeof active.documentation).toBe("string");
  });

  it("hovers with the spec's description and, on a finding, the rule and its docs", async () => {
    const { client, uri, text, position } = await openMarked('{ "count": 20|00 }');
    await client.diagnosticsFor(uri);
    const result = await client.request("textDocument/hover", { textDocument: { uri }, position });
    expect(result.contents.kind).toBe("markdown");
    expect(result.contents.value).toContain("Number of sessions to create in the batch");
    expect(result.contents.value).toContain("`count-range`");
    expect(result.contents.value).toContain("(https://github.com/anchor-lint/anchor-lint/blob/main/docs/rules/count-range.md)");
    expect(text.slice(result.range.start.character, result.range.end.character)).toBe("2000");
  });

  it("hovers on a country code with its name and the types that offer it", async () => {
    const { client, uri, position } = await openMarked('{ "configuration": { "session": { "proxy": { "type": "anchor_residential", "country_code": "b|t" } } } }');
    const result = await client.request("textDocument/hover", { textDocument: { uri }, position });
    expect(result.contents.value).toContain("**Bhutan**");
    expect(result.contents.value).toContain("`anchor_mobile`");
  });

  it("formats with the editor's tab size and spaces", async () => {
    const { client, uri, text } = await openMarked('{"count":1,"metadata":{"a":1}}|');
    const edits = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 3, insertSpaces: true } });
    expect(applyEdits(text, edits)).toBe('{\n   "count": 1,\n   "metadata": {\n      "a": 1\n   }\n}');
    const tabs = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    expect(applyEdits(text, tabs)).toBe('{\n\t"count": 1,\n\t"metadata": {\n\t\t"a": 1\n\t}\n}');
  });

  it("outlines and folds the document", async () => {
    const { client, uri } = await openMarked('{\n  "count": 1,\n  "configuration": {\n    "browser": {\n      "headless": { "active": true }\n    }\n  }\n}|');
    const symbols = await client.request("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((s: any) => s.name)).toEqual(["count", "configuration"]);
    expect(symbols[1].children[0]).toMatchObject({ name: "browser", range: { start: { line: 3, character: 4 }, end: { line: 5, character: 5 } } });
    const folds = await client.request("textDocument/foldingRange", { textDocument: { uri } });
    expect(folds).toEqual([
      { startLine: 0, endLine: 6 },
      { startLine: 2, endLine: 5 },
      { startLine: 3, endLine: 4 },
    ]);
  });
});

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
