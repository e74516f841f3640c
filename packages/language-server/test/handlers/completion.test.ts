import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { applyEdits, cursor, openMarked, pathUri, plain, start, workspace } from "../helpers.js";

describe("completion", () => {
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

  it("replaces the value after the cursor instead of writing a second one", async () => {
    const { client, uri, text, position } = await openMarked('{"count": 1, "configuration": {"session": {"proxy": {"active":| true}}}}');
    const list = await client.request("textDocument/completion", { textDocument: { uri }, position });
    const item = list.items.find((candidate: any) => candidate.label === "false");
    expect(plain(applyEdits(text, [item.textEdit, ...(item.additionalTextEdits ?? [])]))).toBe('{"count": 1, "configuration": {"session": {"proxy": {"active": false}}}}');
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
});
