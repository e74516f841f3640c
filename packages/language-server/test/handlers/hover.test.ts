import { describe, expect, it } from "vitest";
import { openMarked } from "../helpers.js";

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
});
