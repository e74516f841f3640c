import { parse, type ParseError } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { complete } from "../../src/language/index.js";
import { acceptAs, type ClientModel } from "./clients.js";
import { cursor } from "./cursor.js";

const proxyDoc = (member: string) =>
  `{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "proxy": {\n        "type": "anchor_residential",\n        ${member}\n      }\n    }\n  }\n}\n`;

function parsed(text: string): any {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: false });
  expect(errors, text).toEqual([]);
  expect(text).not.toContain("\u0000");
  expect(text, "doubled quotes").not.toMatch(/""\w|\w""/);
  return value;
}

function run(client: ClientModel, marked: string, label: string): string | undefined {
  const { text, offset } = cursor(marked);
  // The Vim-family clients declare no snippet support.
  return acceptAs(client, text, offset, complete(text, offset, { snippets: client === "textEdit" }), label);
}

const everyClient: ClientModel[] = ["textEdit", "neovim", "ale"];
const proxyOf = (text: string) => parsed(text).configuration.session.proxy;

describe.each(everyClient)("accepting an item as %s does", (client) => {
  it.each([
    ["inside empty quotes", '"country_code": "|"'],
    ["after an opening quote", '"country_code": "|'],
    ["after a typed prefix", '"country_code": "h|"'],
    ["after a typed prefix, unclosed", '"country_code": "h|'],
  ])("insert a country code %s", (_, member) => {
    const text = run(client, proxyDoc(member), "hk");
    expect(text, "the item was filtered out").toBeDefined();
    expect(proxyOf(text!).country_code).toBe("hk");
  });

  it("insert a country code with no quote typed yet", () => {
    expect(proxyOf(run(client, proxyDoc('"country_code": |'), "hk")!).country_code).toBe("hk");
  });

  it("insert a country code before another member, with its comma", () => {
    const text = run(client, proxyDoc('"country_code": "|"\n        "active": true'), "hk");
    // Neovim 0.7 drops additional edits and ALE would write it inside the code: no comma from a plain item.
    if (client !== "textEdit") return expect(text).toContain('"country_code": "hk"\n');
    expect(proxyOf(text!)).toMatchObject({ country_code: "hk", active: true });
  });

  it("insert an enum value inside quotes", () => {
    const text = run(client, proxyDoc('"active": true,\n        "country_code": "hk",\n        "region": "|"').replace('"type": "anchor_residential"', '"type": "anchor_proxy"'), "hk");
    expect(text === undefined || proxyOf(text).region === "hk").toBe(true);
    const typed = run(client, `{ "configuration": { "session": { "proxy": { "type": "anchor_m|" } } } }`, "anchor_mobile");
    expect(parsed(typed!).configuration.session.proxy.type).toBe("anchor_mobile");
  });

  it("insert a key on an empty line, on one line when the client has no snippets", () => {
    expect(proxyOf(run(client, proxyDoc("|"), "active")!)).toEqual({ type: "anchor_residential", active: true });
    // After a member without its comma, an additional edit writes it, which Neovim 0.7 drops.
    const lacking = run(client, proxyDoc("|").replace('"anchor_residential",', '"anchor_residential"'), "active");
    if (client === "neovim") expect(lacking).toContain('"anchor_residential"\n        "active": true');
    else expect(proxyOf(lacking!)).toEqual({ type: "anchor_residential", active: true });
    const object = run(client, `{\n  "configuration": {\n    |\n  }\n}\n`, "session");
    expect(parsed(object!).configuration.session).toEqual({});
    if (client !== "textEdit") expect(object).toContain('    "session": {}\n');
  });

  it("insert a key after an opening quote", () => {
    const text = run(client, `{\n  "configuration": {\n    "se|\n  }\n}\n`, "session");
    expect(parsed(text!).configuration.session).toEqual({});
  });

  it("insert a key typed inside closed quotes", () => {
    const text = run(client, `{\n  "configuration": {\n    "se|"\n  }\n}\n`, "session");
    // Neovim 0.7 drops the additional edit that writes `: {}` after the closing quote, and ALE
    // would write it inside the key (e2e/ale.test.ts): a plain item gives the key alone.
    if (client !== "textEdit") return expect(text).toBe(`{\n  "configuration": {\n    "session"\n  }\n}\n`);
    expect(parsed(text!).configuration.session).toEqual({});
  });

  it("replace the value that follows the cursor, or offer nothing where the client could not remove it", () => {
    const text = run(client, proxyDoc('"active": true,\n        "country_code":| "us"'), "hk");
    // Neovim 0.7 drops additional edits and ALE misplaces those after the cursor: no item is better than two values.
    if (client !== "textEdit") return expect(text).toBeUndefined();
    expect(proxyOf(text!).country_code).toBe("hk");
  });

  it("insert a key in front of the key at the cursor, keeping that one", () => {
    const text = run(client, proxyDoc('|"active": true'), "country_code");
    expect(proxyOf(text!)).toEqual({ type: "anchor_residential", country_code: "us", active: true });
  });

  it("insert a list item in front of the item at the cursor, keeping that one", () => {
    const marked = '{\n  "count": 1,\n  "configuration": {\n    "integrations": [{ "id": "x", "type": "1PASSWORD", "configuration": { "load_mode": "specific", "secrets": [|"op://a/b/c"] } }]\n  }\n}\n';
    const text = run(client, marked, "op://vault/item/field");
    expect(parsed(text!).configuration.integrations[0].configuration.secrets).toEqual(["op://vault/item/field", "op://a/b/c"]);
  });

  it("replace only the key when its value follows", () => {
    const text = run(client, `{ "cou|": 5 }`, "count");
    expect(parsed(text!)).toEqual({ count: 5 });
  });
});

describe("finding a country", () => {
  it("replaces the whole content of the string in editors that apply the range (VS Code, eglot)", () => {
    // Vim's complete() keeps what follows the cursor: there the result is "hkhk".
    expect(proxyOf(run("textEdit", proxyDoc('"country_code": "|hk"'), "hk")!).country_code).toBe("hk");
  });

  it("by its name in editors that match the filter text (VS Code)", () => {
    const text = run("textEdit", proxyDoc('"country_code": "germ|"').replace("anchor_residential", "anchor_proxy"), "de");
    expect(proxyOf(text!).country_code).toBe("de");
  });

  it("shows the name beside every row", () => {
    const { text, offset } = cursor(proxyDoc('"country_code": "|"'));
    const de = complete(text, offset).find((item) => item.label === "de");
    expect(de).toMatchObject({ labelDescription: "Germany", detail: "Germany" });
  });
});
