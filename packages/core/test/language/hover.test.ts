import { describe, expect, it } from "vitest";
import { hover } from "../../src/language/index.js";
import { cursor } from "./cursor.js";

function hoverAt(marked: string) {
  const { text, offset } = cursor(marked);
  const result = hover(text, offset);
  return result && { ...result, text: text.slice(result.offset, result.offset + result.length) };
}

const proxy = (inner: string) => `{ "configuration": { "session": { "proxy": { ${inner} } } } }`;

describe("hover", () => {
  it("shows a key's description, type, default and allowed values, over the key", () => {
    const result = hoverAt('{ "configuration": { "session": { "timeout": { "max_du|ration": 30 } } } }')!;
    expect(result.text).toBe('"max_duration"');
    expect(result.markdown).toContain("Maximum time (in minutes)");
    expect(result.markdown).toContain("Default: `20`");
    expect(hoverAt(proxy('"ty|pe": "anchor_gov"'))!.markdown).toContain("Allowed values: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`, `custom`");
  });

  it("describes an enum value as well as its property", () => {
    const result = hoverAt(proxy('"type": "anchor_mob|ile"'))!;
    expect(result.text).toBe('"anchor_mobile"');
    expect(result.markdown).toMatch(/^`anchor_mobile`: Create a session with a mobile proxy/);
  });

  it("names a country code and the proxy types that offer it", () => {
    const result = hoverAt(proxy('"type": "anchor_residential", "country_code": "b|t"'))!;
    expect(result.text).toBe('"bt"');
    expect(result.markdown).toContain("**Bhutan**");
    expect(result.markdown).toContain("Offered by: `anchor_mobile`");
    expect(result.markdown).toContain("Not offered by this proxy's type `anchor_residential`");
    expect(hoverAt(proxy('"type": "anchor_mobile", "country_code": "b|t"'))!.markdown).not.toContain("Not offered");
  });

  it("names the country of an alpha-3 code and the alpha-2 code the API takes", () => {
    const sections = hoverAt(proxy('"type": "anchor_residential", "country_code": "U|KR"'))!.markdown.split("\n\n");
    expect(sections).toEqual([
      "**Ukraine** (`UKR`)",
      "An ISO 3166-1 alpha-3 code; the API takes alpha-2 codes: `ua`.",
      "`ua` is offered by: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`",
    ]);
    expect(hoverAt(proxy('"type": "anchor_residential", "country_code": "z|zz"'))!.markdown).toContain("No Anchor proxy type offers this code.");
  });

  it("reads a two-part code as the country it names: a subdivision code, a language tag, or both", () => {
    expect(hoverAt(proxy('"type": "anchor_residential", "country_code": "US|-CA"'))!.markdown.split("\n\n")).toEqual([
      "`US-CA`",
      "An ISO 3166-2 subdivision code: its country is **United States**, whose code the API takes: `us` (offered by: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`).",
    ]);
    expect(hoverAt(proxy('"country_code": "pt|_BR"'))!.markdown).toContain("A language tag: its country is **Brazil**, whose code the API takes: `br`");
    const both = hoverAt(proxy('"country_code": "DE|-BY"'))!.markdown.split("\n\n");
    expect(both.slice(1).map((line) => line.split(":")[0])).toEqual(["A language tag, read one way", "An ISO 3166-2 subdivision code, read one way"]);
  });

  it("quotes a value with backticks in one code span, so none of it is read as markdown", () => {
    const sections = hoverAt(proxy('"type": "anchor_residential", "country_code": "x|`[click](https://evil.example)`"'))!.markdown.split("\n\n");
    // (CommonMark strips the one space on each side, which lets the span end with a backtick.)
    expect(sections[0]).toBe("`` x`[click](https://evil.example)` ``");
    expect(hoverAt(proxy('"type": "anchor_mobile", "country_code": "B|T"'))!.markdown).toContain("**Bhutan** (`BT`)");
  });

  it("reads an upper-case code as the lower-case one it should be", () => {
    const result = hoverAt(proxy('"type": "anchor_mobile", "country_code": "B|T"'))!;
    expect(result.markdown).toContain("**Bhutan**");
    expect(result.markdown).toContain("Codes are lower case: `bt`.");
    expect(result.markdown).toContain("Offered by: `anchor_mobile`");
  });

  it("separates a country hover's sections with line breaks a reader sees", () => {
    const text = '{"count":1,"configuration":{"session":{"proxy":{"active":true,"type":"anchor_residential","country_code":"u|s"}}}}';
    expect(hoverAt(text)!.markdown.split("\n\n")).toEqual([
      "**United States** (`us`)",
      "Offered by: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`",
    ]);
  });

  it("separates an enum value's description from its property's with line breaks", () => {
    const sections = hoverAt(proxy('"type": "anchor_resi|dential", "country_code": "us"'))!.markdown.split("\n\n");
    expect(sections[0]).toMatch(/^`anchor_residential`: Create a session with a residential proxy/);
    expect(sections.slice(-2)).toEqual([
      "Type: `string` · Default: `\"anchor_proxy\"`",
      "Allowed values: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`, `custom`",
    ]);
    expect(hoverAt(proxy('"type": "anchor_resi|dential"'))!.markdown).not.toContain("\\u000a");
  });

  it("shows a hostile value's controls escaped and keeps its own line breaks", () => {
    // "u\n\u001b[2Js" as written in the file: JSON escapes that decode to a newline and an ESC.
    const code = hoverAt(proxy('"type": "anchor_residential", "country_code": "u|\\n\\u001b[2Js"'))!.markdown;
    expect(code).toBe("`u\\u000a\\u001b[2Js`\n\nNo Anchor proxy type offers this code.");
    const type = hoverAt(proxy('"type": "x\\u001by\\u2028", "country_code": "u|s"'))!.markdown;
    expect(type.split("\n\n")).toEqual([
      "**United States** (`us`)",
      "Offered by: `anchor_proxy`, `anchor_residential`, `anchor_mobile`, `anchor_gov`",
      "Not offered by this proxy's type `x\\u001by\\u2028`.",
    ]);
  });

  it("makes the spec's relative links absolute", () => {
    expect(hoverAt('{ "configuration": { "session": { "pro|xy": {} } } }')!.markdown).toContain("](https://docs.anchorbrowser.io/advanced/proxy)");
  });

  it("says nothing on unknown keys, inside metadata, on punctuation, or on odd input", () => {
    expect(hoverAt('{ "nop|e": 1 }')).toBeUndefined();
    expect(hoverAt('{ "metadata": { "pro|ject": "x" } }')).toBeUndefined();
    expect(hoverAt('{ "count": 1 |}')).toBeUndefined();
    expect(hover("[".repeat(100_000), 5)).toBeUndefined();
    expect(hover("", 0)).toBeUndefined();
  });

  it("never echoes a proxy credential", () => {
    const result = hoverAt(proxy('"type": "custom", "password": "hunt|er2"'))!;
    expect(result.markdown).toContain("Proxy password");
    expect(result.markdown).not.toContain("hunter2");
  });
});
