import { describe, expect, it } from "vitest";
import { applyEdits, openMarked } from "../helpers.js";

describe("formatting", () => {
  it("formats with the editor's tab size and spaces", async () => {
    const { client, uri, text } = await openMarked('{"count":1,"metadata":{"a":1}}|');
    const edits = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 3, insertSpaces: true } });
    expect(applyEdits(text, edits)).toBe('{\n   "count": 1,\n   "metadata": {\n      "a": 1\n   }\n}');
    const tabs = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 8, insertSpaces: false } });
    expect(applyEdits(text, tabs)).toBe('{\n\t"count": 1,\n\t"metadata": {\n\t\t"a": 1\n\t}\n}');
  });

  it("keeps the file's final line break, whatever the client says of insertFinalNewline, and adds one only when asked", async () => {
    const { client, uri, text } = await openMarked('{"count":1}\n|');
    for (const options of [{}, { insertFinalNewline: false }, { insertFinalNewline: true }]) {
      const edits = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true, ...options } });
      expect(applyEdits(text, edits)).toBe('{\n  "count": 1\n}\n');
    }
    const crlf = await openMarked('{"count":1}\r\n|');
    const crlfEdits = await crlf.client.request("textDocument/formatting", { textDocument: { uri: crlf.uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(applyEdits(crlf.text, crlfEdits)).toBe('{\r\n  "count": 1\r\n}\r\n');
    const bare = await openMarked('{"count":1}|');
    const ask = async (insertFinalNewline: boolean) =>
      applyEdits(bare.text, await bare.client.request("textDocument/formatting", { textDocument: { uri: bare.uri }, options: { tabSize: 2, insertSpaces: true, insertFinalNewline } }));
    expect(await ask(false)).toBe('{\n  "count": 1\n}');
    expect(await ask(true)).toBe('{\n  "count": 1\n}\n');
  });

  it("indents the lines 200 spaces deep (metadata nested 49 objects deep, tab size 4)", async () => {
    let metadata: unknown = { leaf: true };
    for (let level = 0; level < 48; level++) metadata = { a: metadata };
    const request = { count: 1, configuration: {}, metadata };
    const { client, uri, text } = await openMarked(`${JSON.stringify(request)}|`);
    const edits = await client.request("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const formatted = applyEdits(text, edits);
    expect(formatted).toBe(JSON.stringify(request, null, 4));
    expect(formatted).toContain(`\n${" ".repeat(200)}"leaf": true\n`);
  });
});
