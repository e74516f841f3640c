import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { TextDocumentSource } from "../src/source/document.js";
import { escapePointerSegment } from "../src/rules/util.js";
import type { TextEdit } from "../src/types.js";

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let output = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) output = output.slice(0, edit.offset) + edit.newText + output.slice(edit.offset + edit.length);
  return output;
}

/** Every object member of a value, as [pointer of its object, key]. */
function membersOf(value: unknown, pointer = ""): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => membersOf(item, `${pointer}/${index}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => [[pointer, key] as [string, string], ...membersOf(item, `${pointer}/${escapePointerSegment(key)}`)]);
}

/** Pointers of every object, the root included. */
function objectsOf(value: unknown, pointer = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => objectsOf(item, `${pointer}/${index}`));
  if (typeof value !== "object" || value === null) return [];
  return [pointer, ...Object.entries(value).flatMap(([key, item]) => objectsOf(item, `${pointer}/${escapePointerSegment(key)}`))];
}

/** The same text, with the tree built first: edits then take the tree's way. */
function withTree(text: string): TextDocumentSource {
  const source = new TextDocumentSource(text);
  expect(source.tree).toBeDefined();
  return source;
}

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 300) });

const layouts = fc.record({
  value: fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 5 }),
  indent: fc.constantFrom(0, 2, 4, "\t"),
  crlf: fc.boolean(),
});

describe("edits on strict JSON found by scanning agree with the tree's", () => {
  it("removing any member", () => {
    fc.assert(
      fc.property(layouts, fc.nat(), ({ value, indent, crlf }, pick) => {
        let text = JSON.stringify(value, null, indent);
        if (crlf) text = text.replace(/\n/g, "\r\n");
        const members = membersOf(value);
        const [parent, key] = members[pick % members.length]!;
        const pointer = `${parent}/${escapePointerSegment(key)}`;
        const edits = new TextDocumentSource(text).removeProperty(pointer);
        expect(edits).toEqual(withTree(text).removeProperty(pointer));
        // And they do remove it: the text parses to the value without that member.
        const expected = JSON.parse(text) as Record<string, unknown>;
        const object = parent.split("/").slice(1).map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~")).reduce<any>((node, segment) => node[segment], expected);
        delete object[key];
        expect(JSON.parse(applyEdits(text, edits!))).toEqual(expected);
      }),
    );
  });

  it("removing any array element but the first", () => {
    fc.assert(
      fc.property(
        fc.record({ value: fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 2, maxLength: 6 }), indent: fc.constantFrom(0, 2, 4, "\t"), crlf: fc.boolean() }),
        fc.nat(),
        fc.boolean(),
        ({ value, indent, crlf }, pick, nested) => {
          const document = nested ? { configuration: { list: value } } : value;
          let text = JSON.stringify(document, null, indent);
          if (crlf) text = text.replace(/\n/g, "\r\n");
          const pointer = nested ? "/configuration/list" : "";
          const index = 1 + (pick % (value.length - 1));
          const edits = new TextDocumentSource(text).removeElement(pointer, index, value.length);
          expect(edits).toEqual(withTree(text).removeElement(pointer, index, value.length));
          // The element is gone, every other one kept in order.
          const expected = JSON.parse(JSON.stringify(value)) as unknown[];
          expected.splice(index, 1);
          const result = JSON.parse(applyEdits(text, edits!)) as unknown;
          expect(nested ? (result as { configuration: { list: unknown } }).configuration.list : result).toEqual(expected);
          // An array that does not line up with the parsed one gets no edit.
          expect(new TextDocumentSource(text).removeElement(pointer, index, value.length + 1)).toBeUndefined();
        },
      ),
    );
  });

  it("moving any member into any other object", () => {
    fc.assert(
      fc.property(layouts, fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), ({ value, indent, crlf }, pickMember, pickTarget, newKey) => {
        let text = JSON.stringify(value, null, indent);
        if (crlf) text = text.replace(/\n/g, "\r\n");
        const members = membersOf(value);
        const [parent, key] = members[pickMember % members.length]!;
        const from = `${parent}/${escapePointerSegment(key)}`;
        const objects = objectsOf(value).filter((pointer) => pointer !== from && !pointer.startsWith(`${from}/`));
        const target = objects[pickTarget % objects.length]!;
        const to = `${target}/${escapePointerSegment(newKey)}`;
        const edits = new TextDocumentSource(text).moveProperty(from, to);
        expect(edits).toEqual(withTree(text).moveProperty(from, to));
        // And the edits do move it: the text parses to the value with the member in its new place.
        const exists = (pointer: string) => objectsOf(value).includes(pointer) || membersOf(value).some(([p, k]) => `${p}/${escapePointerSegment(k)}` === pointer);
        if (exists(to)) expect(edits).toBeUndefined();
        else {
          expect(edits).toBeDefined();
          const expected = structuredClone(value) as Record<string, unknown>;
          const at = (pointer: string) => pointer.split("/").slice(1).map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~")).reduce<any>((node, segment) => node[segment], expected);
          const moved = at(parent)[key];
          delete at(parent)[key];
          at(target)[newKey] = moved;
          expect(JSON.parse(applyEdits(text, edits!))).toEqual(JSON.parse(JSON.stringify(expected)));
        }
      }),
    );
  });
});

describe("a moved member keeps the comments between its key and its value", () => {
  // Each way moveProperty builds its edits: apart, meeting inside the target object, and parsed again (duplicate keys).
  it.each([
    ['{"a": {"x" /* k */ : /* v */ 1}, "b": {}}', "/a/x", "/b/x", '{"a": {}, "b": {"x" /* k */ : /* v */ 1}}'],
    ['{\n  "s": {\n    "m": // minutes\n      60\n  }\n}', "/s/m", "/s/t/m", '{\n  "s": {\n    "t": {\n      "m": // minutes\n        60\n    }\n  }\n}'],
    ['{"d": 1, "d": 1, "a": {"x": /* v */ 1}, "b": {"y": 2}}', "/a/x", "/b/x", '{"d": 1, "d": 1, "a": {}, "b": {"y": 2, "x": /* v */ 1}}'],
  ])("%s: %s to %s", (text, from, to, expected) => {
    expect(applyEdits(text, new TextDocumentSource(text).moveProperty(from, to)!)).toBe(expected);
  });
});
