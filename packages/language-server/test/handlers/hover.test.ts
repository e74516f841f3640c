import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { cursor, openMarked, pathUri, start, workspace } from "../helpers.js";

describe("hover", () => {
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

  it("shows a country hover's sections on lines of their own, in markdown and in plain text", async () => {
    const marked = '{"count":1,"configuration":{"session":{"proxy":{"active":true,"type":"anchor_residential","country_code":"u|s"}}}}';
    const { text, position } = cursor(marked);
    const shown: Record<string, string> = {};
    for (const format of ["markdown", "plaintext"]) {
      const root = workspace();
      const uri = pathUri(join(root, "edit.anchor.json"));
      const client = await start({ rootPath: root, capabilities: { textDocument: { hover: { contentFormat: [format] } } } });
      await client.open(uri, text);
      const result = await client.request("textDocument/hover", { textDocument: { uri }, position });
      expect(result.contents.kind).toBe(format);
      shown[format] = result.contents.value;
    }
    expect(shown.markdown).toBe("**United States** (`us`)\n\nOffered by: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`");
    expect(shown.plaintext).toBe("United States (us)\n\nOffered by: anchor_proxy, anchor_residential, anchor_mobile, anchor_gov");
  });

  it("shows a quoted value as written in plain text, whatever markdown it looks like", async () => {
    for (const [code, shown] of [["a`b", "a`b"], ["[a](b)", "[a](b)"], ["q**r**s", "q**r**s"], ["``", "``"]]) {
      const text = JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type: "anchor_residential", country_code: code } } } });
      const root = workspace();
      const uri = pathUri(join(root, "edit.anchor.json"));
      const client = await start({ rootPath: root, capabilities: { textDocument: { hover: { contentFormat: ["plaintext"] } } } });
      await client.open(uri, text);
      const offset = text.indexOf('"country_code":"') + '"country_code":"'.length + 1;
      const result = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: offset } });
      expect(result.contents.value.split("\n\n")[0], code).toBe(shown);
    }
  });
});
