import { describe, expect, it } from "vitest";
import { complete } from "../../src/language/index.js";
import { lint } from "../../src/index.js";
import { accept, cursor } from "./cursor.js";

function itemsAt(marked: string, snippets = true) {
  const { text, offset } = cursor(marked);
  return { text, items: complete(text, offset, { snippets }) };
}

function labels(marked: string): string[] {
  return itemsAt(marked).items.map((item) => item.label);
}

function pick(marked: string, label: string, snippets = true): string {
  const { text, items } = itemsAt(marked, snippets);
  const item = items.find((candidate) => candidate.label === label);
  if (!item) throw new Error(`no item ${label} among ${items.map((i) => i.label).join(", ")}`);
  return accept(text, item);
}

const proxy = (inner: string) => `{ "count": 1, "configuration": { "session": { "proxy": { ${inner} } } } }`;

describe("property keys", () => {
  it("offers the top-level keys in an empty object, required first", () => {
    const { items } = itemsAt("{ | }");
    // `$schema` (the editor's link to a schema, docs/spec-decisions.md) comes after the API's keys.
    expect(items.map((item) => item.label)).toEqual(["count", "configuration", "metadata", "$schema"]);
    expect(items[3]!.documentation).toContain("request.schema.json");
    const sorted = [...items].sort((a, b) => (a.sortText ?? "").localeCompare(b.sortText ?? ""));
    expect(sorted[0]!.label).toBe("count");
    expect(items[0]!.documentation).toContain("Number of sessions");
  });

  it("never proposes a key already present in that object", () => {
    expect(labels('{ "count": 1, | }')).toEqual(["configuration", "metadata", "$schema"]);
    expect(labels('{ "$schema": "./schema.json", | }')).toEqual(["count", "configuration", "metadata"]);
    expect(labels('{ "configuration": { "browser": {}, | } }')).not.toContain("browser");
  });

  it("opens an object value", () => {
    expect(pick('{ "count": 1, | }', "configuration")).toBe('{ "count": 1, "configuration": {\n\t\n} }');
  });

  it("offers booleans for a boolean value, true first", () => {
    expect(pick('{ "configuration": { "browser": { "headless": { | } } } }', "active")).toBe(
      '{ "configuration": { "browser": { "headless": { "active": true } } } }',
    );
    const item = itemsAt('{ "configuration": { "browser": { "headless": { | } } } }').items[0]!;
    expect(item.insertText).toBe('"active": ${1|true,false|}');
    expect(item.insertTextFormat).toBe("snippet");
  });

  it("quotes string values and offers enum choices", () => {
    const items = itemsAt('{ "configuration": { "integrations": [ { "configuration": { | } } ] } }').items;
    expect(items.find((item) => item.label === "load_mode")!.insertText).toBe('"load_mode": "${1|all,specific|}"');
  });

  it("replaces a partly typed key, quoted or not, starting after its opening quote, with no filterText", () => {
    expect(pick('{ "co|" }', "count")).toBe('{ "count":  }');
    expect(pick("{ co| }", "configuration")).toBe('{ "configuration": {\n\t\n} }');
    const typed = itemsAt('{ "co|" }').items.find((item) => item.label === "count")!;
    // Neovim 0.7's omnifunc ignores the range of an item with a filterText and filters by the
    // inserted word, which must therefore start with what was typed after the quote.
    expect(typed.filterText).toBeUndefined();
    expect(typed.replace.offset).toBe(3);
    expect(typed.insertText.startsWith("co")).toBe(true);
  });

  it("replaces only the key when a value already follows", () => {
    expect(pick('{ "cou|": 5 }', "count")).toBe('{ "count": 5 }');
  });

  it("writes only the key when a bare key is typed before its colon", () => {
    // The whole `"count": ` used to go in front of the colon: `{ "count": : 3 }`.
    expect(pickClean('{ coun|: 3 }', "count")).toBe('{ "count": 3 }');
    expect(pickClean('{ coun| : 3 }', "count")).toBe('{ "count" : 3 }');
    expect(pick('{ coun|: 3 }', "count", false)).toBe('{ "count": 3 }');
    expect(pickClean('{ "count": 3\n  configur|: {} }', "configuration")).toBe('{ "count": 3,\n  "configuration": {} }');
  });

  it("adds the comma a following member needs", () => {
    expect(pick('{ | "count": 1 }', "metadata")).toBe('{ "metadata": {\n\t\n}, "count": 1 }');
  });

  it("puts a new key in front of the key that starts at the cursor, rather than renaming it", () => {
    // Renaming kept the old key's value under the new name: `{ "configuration": 1 }`.
    expect(labels('{ |"count": 1 }')).not.toContain("count");
    expect(pickClean('{ |"count": 1 }', "configuration")).toBe('{ "configuration": {\n\t\n}, "count": 1 }');
    expect(pick('{ |"count": 1 }', "configuration", false)).toBe('{ "configuration": {}, "count": 1 }');
    expect(pickClean('{ "count": 1, |"configuration": {} }', "metadata")).toBe('{ "count": 1, "metadata": {\n\t\n}, "configuration": {} }');
    expect(pickClean('{\n  "count": 1,\n  |"configuration": {}\n}', "metadata")).toBe('{\n  "count": 1,\n  "metadata": {\n\t\n}, "configuration": {}\n}');
    // Inside the key's quotes it is the key being typed, and is replaced.
    expect(pickClean('{ "|count": 1 }', "count")).toBe('{ "count": 1 }');
  });

  it("adds the missing comma after the previous value", () => {
    expect(pick('{ "count": 1\n  | }', "metadata")).toBe('{ "count": 1,\n  "metadata": {\n\t\n} }');
    expect(pick('{ "configuration": { "browser": {}\n | } }', "session")).toBe('{ "configuration": { "browser": {},\n "session": {\n\t\n} } }');
  });

  it("looks past comments to tell a key from a value", () => {
    expect(labels('{ // batch of ten\n  | }')).toEqual(["count", "configuration", "metadata", "$schema"]);
    expect(labels('{ "count": 1, /* later: "metadata" */ | }')).toEqual(["configuration", "metadata", "$schema"]);
    expect(pick('{ "count": 1 // the limit\n  | }', "metadata")).toBe('{ "count": 1, // the limit\n  "metadata": {\n\t\n} }');
    expect(labels('{ "configuration": { "session": { "proxy": { "type": "anchor_mobile", /* "x": { */ "country_code": | } } } }')).toContain("bt");
  });

  it("offers keys in objects inside arrays", () => {
    expect(labels('{ "configuration": { "integrations": [ { | } ] } }')).toEqual(["id", "type", "configuration"]);
  });

  it("offers nothing inside metadata, which is free-form, nor under unknown keys", () => {
    expect(labels('{ "metadata": { | } }')).toEqual([]);
    expect(labels('{ "configuration": { "nope": { | } } }')).toEqual([]);
  });

  it("offers the keys of the proxy's kind: credentials for custom, country for Anchor types", () => {
    expect(labels(proxy('"type": "custom", |'))).toEqual(["active", "server", "username", "password"]);
    expect(labels(proxy('"type": "anchor_mobile", |'))).toEqual(["active", "country_code"]);
    expect(labels(proxy("|"))).toEqual(["active", "type", "country_code", "region", "city"]);
  });

  it("proposes an ${env:NAME} placeholder for custom proxy credentials", () => {
    expect(pick(proxy('"type": "custom", |'), "password")).toBe(proxy('"type": "custom", "password": "${env:ANCHOR_PROXY_PASSWORD}"'));
  });
});

describe("values", () => {
  it("offers the proxy types with their descriptions", () => {
    const { items } = itemsAt(proxy('"type": |'));
    expect(items.map((item) => item.label)).toEqual(["anchor_proxy", "anchor_residential", "anchor_mobile", "anchor_gov", "custom"]);
    expect(items[2]!.documentation).toContain("mobile device");
    expect(pick(proxy('"type": |'), "anchor_gov")).toBe(proxy('"type": "anchor_gov"'));
  });

  it("replaces a partially typed string", () => {
    expect(pick(proxy('"type": "anchor_mo|"'), "anchor_mobile")).toBe(proxy('"type": "anchor_mobile"'));
    expect(pick(proxy('"type": "anchor_mo|'), "anchor_mobile")).toBe(proxy('"type": "anchor_mobile"'));
  });

  it("starts a URL with https://", () => {
    expect(pick('{ "configuration": { "session": { | } } }', "initial_url")).toBe('{ "configuration": { "session": { "initial_url": "https://" } } }');
    expect(pick('{ "configuration": { "session": { "initial_url": | } } }', "https://")).toBe('{ "configuration": { "session": { "initial_url": "https://" } } }');
  });

  it("offers 1PASSWORD and the load modes", () => {
    expect(labels('{ "configuration": { "integrations": [ { "type": | } ] } }')).toEqual(["1PASSWORD"]);
    expect(labels('{ "configuration": { "integrations": [ { "configuration": { "load_mode": "|" } } ] } }')).toEqual(["all", "specific"]);
  });

  it("replaces a partly typed literal", () => {
    expect(pick('{ "configuration": { "browser": { "headless": { "active": tr| } } } }', "true")).toBe(
      '{ "configuration": { "browser": { "headless": { "active": true } } } }',
    );
  });

  it("adds a comma when another member follows the value", () => {
    expect(pick(proxy('"type": | "active": true'), "anchor_mobile")).toBe(proxy('"type": "anchor_mobile", "active": true'));
  });

  it("offers the 1Password reference snippet in secrets", () => {
    const marked = '{ "configuration": { "integrations": [ { "configuration": { "load_mode": "specific", "secrets": [ | ] } } ] } }';
    expect(labels(marked)).toEqual(["op://vault/item/field"]);
    expect(pick(marked, "op://vault/item/field")).toContain('"secrets": [ "op://vault/item/field" ]');
  });

  it("offers a whole request in an empty document, and the result lints clean", () => {
    const text = pick("|", "batch-session request");
    expect(text).toBe('{\n\t"count": 1,\n\t"configuration": {\n\t\t\n\t}\n}');
    expect(lint(text)).toEqual([]);
  });
});

/** The text after accepting `label`, the same with and without snippets, and clean to lint. */
function pickClean(marked: string, label: string): string {
  const text = pick(marked, label);
  expect(lint(text), text).toEqual([]);
  return text;
}

/** Without snippets the old value goes by an edit of its own (see `replacing`), which moves the blank after the new one. */
describe("a value typed in front of the property's value", () => {
  const request = (inner: string) => `{"count": 1, "configuration": {"session": {"proxy": {${inner}}}}}`;

  it("replaces it rather than adding a second one after a comma", () => {
    expect(pickClean(request('"active":| true'), "true")).toBe(request('"active": true'));
    expect(pickClean(request('"active":| true'), "false")).toBe(request('"active": false'));
    expect(pickClean(request('"active": | true'), "false")).toBe(request('"active": false'));
    expect(pickClean(request('"active":| tru'), "true")).toBe(request('"active": true'));
    expect(pickClean(request('"active": f| true'), "false")).toBe(request('"active": false'));
    // Clients without snippets keep what follows the cursor and cannot remove it (clients.ts): nothing offered.
    expect(itemsAt(request('"active":| true'), false).items).toEqual([]);
  });

  it("replaces a string value, and keeps the comma the next member needs", () => {
    expect(pickClean(request('"active": true, "country_code":| "us"'), "de")).toBe(request('"active": true, "country_code": "de"'));
    expect(itemsAt(request('"active": true, "country_code":| "us"'), false).items).toEqual([]);
    expect(pickClean(request('"country_code":| "us" "active": true'), "de")).toBe(request('"country_code": "de", "active": true'));
    expect(pickClean(request('"country_code":| "us", "active": true'), "de")).toBe(request('"country_code": "de", "active": true'));
  });

  it("replaces it on the next line too, with an edit of its own", () => {
    expect(pickClean(request('"active":|\n  true\n'), "false")).toBe(request('"active":false\n  \n'));
  });

  it("goes in front of the next member's key when the cursor is right before its quote", () => {
    // This used to overwrite the key `"active"`, leaving `"type": "custom": true`.
    expect(pickClean(request('"type": |"active": true'), "anchor_gov")).toBe(request('"type": "anchor_gov", "active": true'));
    expect(pickClean(request('"type":|"active": true'), "anchor_gov")).toBe(request('"type":"anchor_gov", "active": true'));
  });

  it("offers nothing before an object or array, which it would either duplicate or drop", () => {
    expect(labels('{ "configuration": { "browser": { "headless": | { "active": true } } } }')).toEqual([]);
  });
});

describe("country codes", () => {
  it("offers the codes of the proxy's type with the country name", () => {
    const { items } = itemsAt(proxy('"type": "anchor_mobile", "country_code": "|"'));
    const bt = items.find((item) => item.label === "bt");
    expect(bt?.detail).toBe("Bhutan");
    expect(bt?.documentation).toContain("anchor_mobile");
    expect(items.map((item) => item.label)).not.toContain("hk");
  });

  it("filters by the current type, re-read on every request", () => {
    expect(labels(proxy('"type": "anchor_residential", "country_code": "|"'))).not.toContain("bt");
    expect(labels(proxy('"type": "anchor_residential", "country_code": "|"'))).toContain("hk");
    expect(labels(proxy('"country_code": "|", "type": "anchor_mobile"'))).toContain("bt");
  });

  it("uses anchor_proxy's list when the type is absent, and none for a custom proxy", () => {
    const absent = labels(proxy('"country_code": |'));
    expect(absent).toContain("us");
    expect(absent).not.toContain("bt");
    expect(absent).not.toContain("gb"); // anchor_proxy has no gb in the spec
    expect(labels(proxy('"type": "custom", "country_code": |'))).toEqual([]);
  });

  it("inserts the quoted code", () => {
    expect(pick(proxy('"type": "anchor_mobile", "country_code": "b|"'), "bt")).toBe(proxy('"type": "anchor_mobile", "country_code": "bt"'));
  });
});

describe("robustness", () => {
  it("returns nothing rather than failing on odd input", () => {
    for (const text of ["", "[", "{{{{", '"', "\u0000\uffff", "[".repeat(100_000), '{ "a": 1e400 }']) {
      for (const offset of [0, 1, text.length, text.length + 5, -1]) {
        expect(() => complete(text, offset)).not.toThrow();
      }
    }
  });

  it("inserts plain text for editors without snippets", () => {
    const { text, offset } = cursor('{ "configuration": { "browser": { "headless": { | } } } }');
    const item = complete(text, offset, { snippets: false })[0]!;
    expect(item.insertTextFormat).toBe("plain");
    expect(item.insertText).toBe('"active": true');
  });
});
