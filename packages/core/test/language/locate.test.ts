import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Locator, locatePointer } from "../../src/language/locate.js";
import { TextDocumentSource } from "../../src/source/document.js";
import { parsePointer } from "../../src/rules/util.js";

function pointersOf(value: unknown, prefix = ""): string[] {
  const out = [prefix];
  if (Array.isArray(value)) value.forEach((item, i) => out.push(...pointersOf(item, `${prefix}/${i}`)));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) out.push(...pointersOf(item, `${prefix}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  }
  return out;
}

describe("locatePointer", () => {
  it("agrees with the tree-based span on random JSON, existing and missing pointers, both targets", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(undefined, 2, "\t"), (value, missing, indent) => {
        const text = JSON.stringify(value, null, indent);
        const source = new TextDocumentSource(text);
        // Built first, so that spanOf answers from the tree rather than from locatePointer itself.
        expect(source.tree).toBeDefined();
        const pointers = pointersOf(value);
        pointers.push(...pointers.slice(0, missing).map((p) => `${p}/nope`), "/0/x", "/a~1b/~0", "/-1");
        for (const pointer of pointers) {
          for (const target of ["key", "value"] as const) {
            const expected = source.spanOf(pointer, target);
            expect(locatePointer(text, parsePointer(pointer), target), `${pointer} ${target} in ${text}`).toEqual(expected);
            // JSON.stringify writes no duplicate keys: stopping at the first match changes nothing.
            expect(locatePointer(text, parsePointer(pointer), target, { unique: true })).toEqual(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the last of duplicate keys, as JSON.parse does, and reads escaped keys", () => {
    const text = '{ "a": 1, "b": { "x": true }, "a": [10, 20], "c\\u0041": "v" }';
    expect(locatePointer(text, ["a", "1"], "value")).toEqual({ offset: text.indexOf("20"), length: 2 });
    expect(locatePointer(text, ["a"], "key")).toEqual({ offset: text.lastIndexOf('"a"'), length: 3 });
    expect(locatePointer(text, ["cA"], "value")).toEqual({ offset: text.indexOf('"v"'), length: 3 });
    expect(locatePointer(text, ["b", "y"], "value")).toEqual({ offset: text.indexOf('"b"'), length: 3 });
  });

  it("one Locator, asked about every node in any order, answers as the tree does (what it remembers never leaks into another answer)", () => {
    fc.assert(
      fc.property(
        // Keys with ":" and digits: remembered paths must not run together ("1:a" against "1" then "a").
        fc.dictionary(fc.constantFrom("1", "a", "1:a", "1a", "a1", ":", "11", ""), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
        fc.integer(),
        fc.boolean(),
        (value, seed, firstMatch) => {
          const text = JSON.stringify(value, null, 2);
          const source = new TextDocumentSource(text);
          expect(source.tree).toBeDefined();
          const pointers = pointersOf(value);
          pointers.push(...pointers.map((pointer) => `${pointer}/1`), "/1:a/1", "/1/a", "/11");
          // A shuffle from the seed: later answers start from nodes that earlier ones remembered.
          const order = pointers.map((pointer, index) => ({ pointer, rank: Math.sin(seed + index) })).sort((a, b) => a.rank - b.rank);
          // Without the parsed value (every member found by skipping) and with it (a member whose
          // name occurs once from its object on found by a search): the same answers.
          for (const locator of [new Locator(text), new Locator(text, JSON.parse(text))]) {
            for (const { pointer } of order) {
              for (const target of ["value", "key"] as const) {
                expect(locator.pointer(parsePointer(pointer), target, firstMatch), `${pointer} ${target} in ${text}`).toEqual(source.spanOf(pointer, target));
              }
              const node = source.nodeAt(pointer);
              expect(locator.node(parsePointer(pointer), firstMatch)?.value).toEqual(node ? { offset: node.offset, length: node.length } : undefined);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with the parsed value, finds a member by its name only where the name occurs once, and never inside a string or a deeper object", () => {
    // The name as a string value, as a nested key, before and after the member; duplicate keys
    // (never "unique"); escapes, with which the search is not used; a raw U+2028 in a key.
    const layouts: [string, boolean][] = [
      ['{"metadata": {"session": "session"}, "configuration": {"x": "session", "session": {"session": 1}}}', false],
      ['{"configuration": {"browser": {"session": 2}, "session": {"timeout": 3}}, "tags": ["session"]}', false],
      ['{"a": [{"b": 1}, {"b": 2}], "b": {"b": [3]}, "c": {"d": "b"}}', false],
      ['{"a": {"b": 1}, "a": {"c": 2, "b": 3}, "b": "b"}', true],
      ['{"x": {"k": 1}, "x": {"k": 2}, "k": 3}', true],
      ['{"k\\u0065y": 1, "x": {"key": 3}}', false],
      ['{"k": 1, "x": "\\"k\\": 2", "y": {"k": 3}}', false],
      ['{"a\u2028b": {"c": 1}, "c": 2}', false],
    ];
    for (const [text, duplicates] of layouts) {
      const source = new TextDocumentSource(text);
      expect(source.tree, text).toBeDefined();
      const value = JSON.parse(text);
      const pointers = [...pointersOf(value), "/configuration/session/timeout", "/missing", "/a/c", "/a/b", "/b/b/0", "/x/key", "/x/k", "/y/k", "/c/d"];
      for (const unique of duplicates ? [false] : [false, true]) {
        const located = new Locator(text, value);
        for (const pointer of pointers) {
          for (const target of ["value", "key"] as const) {
            expect(located.pointer(parsePointer(pointer), target, unique), `${pointer} ${target} in ${text}`).toEqual(source.spanOf(pointer, target));
          }
        }
      }
    }
  });

  it("finds the node on a path of 2,000 uniquely named levels, past the point where the name searches stop", () => {
    const depth = 2000;
    let text = '{"leaf": [1, 2]}';
    for (let level = depth - 1; level >= 0; level--) text = `{"k${level}": ${text}}`;
    const segments = [...Array.from({ length: depth }, (_, level) => `k${level}`), "leaf"];
    const locator = new Locator(text, JSON.parse(text));
    expect(locator.pointer(segments, "value", true)).toEqual({ offset: text.indexOf('"leaf": ') + 8, length: 6 });
    expect(locator.pointer(segments.slice(0, 1000), "key", true)).toEqual({ offset: text.indexOf('"k999"'), length: 6 });
    expect(locator.pointer([...segments, "1"], "value", true)).toEqual({ offset: text.indexOf("2]"), length: 1 });
  });

  it("answers as the tree does past the length of path it remembers (long keys, deep nesting)", () => {
    const key = "k".repeat(300);
    const text = `{"count": 1, "metadata": ${`{"a": 1, "${key}": `.repeat(20)}{"password": "x"}${"}".repeat(20)}}`;
    const source = new TextDocumentSource(text);
    expect(source.tree).toBeDefined();
    const locator = new Locator(text);
    const pointers = Array.from({ length: 21 }, (_, depth) => "/metadata" + `/${key}`.repeat(depth));
    pointers.push(...pointers.map((pointer) => `${pointer}/a`), pointers.at(-1) + "/password");
    for (const pointer of [...pointers, ...pointers.reverse()]) {
      expect(locator.pointer(parsePointer(pointer), "value", true)).toEqual(source.spanOf(pointer, "value"));
    }
  });
});
