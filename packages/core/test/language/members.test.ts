import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { getLocation } from "jsonc-parser";
import { objectMembers } from "../../src/language/members.js";
import { mutated, wellFormed } from "./texts.js";

// Members written plainly and not: escapes, comments, unclosed strings, missing parts.
const value = fc.constantFrom("1", "-2.5e3", "true", "null", '"v"', '"a\\"b"', "{}", '{"x": [1, "}"]}', "[1, {\"y\": 2}]", "01", "tru", "", "/*c*/ 3", '"open');
const member = fc.tuple(fc.constantFrom('"k"', '"type"', '"k\\u0041"', "k", '"a b"', '""'), fc.constantFrom(": ", ":", " : ", " "), value);
const objects = fc
  .array(fc.tuple(member, fc.constantFrom(", ", ",\n", " ", ",", ",\r\n// c\n")), { maxLength: 8 })
  .map((members) => `{"proxy": {${members.map(([[key, colon, v], comma]) => `${key}${colon}${v}${comma}`).join("")}}}`);

describe("objectMembers", () => {
  it("reads plain members by characters with the scanner's answer", () => {
    fc.assert(
      fc.property(fc.oneof(objects, mutated, wellFormed), fc.double({ min: 0, max: 1, noNaN: true }), (text, at) => {
        // The object around some offset, as completion asks for it.
        const path = getLocation(text, Math.floor(at * (text.length + 1))).path.slice(0, -1);
        expect(objectMembers(text, path)).toEqual(objectMembers(text, path, { plain: false }));
        const keys = new Set(["k", "type", "kA"]);
        expect(objectMembers(text, ["proxy"], { keys })).toEqual(objectMembers(text, ["proxy"], { plain: false })?.filter((member) => keys.has(member.key)));
      }),
      { numRuns: 5000 },
    );
  });
});
