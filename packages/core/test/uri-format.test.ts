import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ajvFormats from "ajv-formats/dist/formats.js";
import { uri } from "../src/schema/formats.js";

// The format ajv-formats ships and the validator used before: the reference on short strings.
const reference = ajvFormats.fullFormats.uri as (text: string) => boolean;

// Pieces that reach every branch of the grammar: schemes, authorities, IP literals, escapes, delimiters.
const pieces = [
  "http:", "a+b-c.d:", "1x:", ":", "/", "//", "?", "#", "@", "[", "]", "%", "%2f", "%G0", "%a", ":80", ":8a",
  "[::1]", "[2001:db8::7]", "[v1.x]", "[V7.a:b]", "[::ffff:1.2.3.4]", "[1::2::3]", "127.0.0.1", "user:pw@",
  "example.com", "a", "Z", "0", "-", ".", "_", "~", "!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=",
  " ", "\\", "\"", "<", "{", "é", "\n",
];

describe("uri format", () => {
  it("agrees with ajv-formats' uri on random strings built from the grammar's pieces", () => {
    fc.assert(
      // Most strings start with a scheme, so that what follows it is what is tested.
      fc.property(fc.constantFrom("http:", "a:", "x+y.z-1:", ""), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (scheme, parts) => {
        const text = scheme + parts.join("");
        expect(uri(text)).toBe(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it("agrees on URLs users write", () => {
    for (const text of ["https://example.com/a?b=c#d", "http://[::1]:8080/", "mailto:a@b.c", "urn:isbn:0451450523", "file:///etc/hosts", "http:/x", "http:", "example.com", "https://exa mple.com", "https://example.com/%zz"]) {
      expect(uri(text), text).toBe(reference(text));
    }
  });

  it("checks a 10 MB URL without overflowing the stack", () => {
    const long = "https://example.com/" + "a/b?".repeat(2_621_440);
    expect(() => reference(long)).toThrow(RangeError);
    expect(uri(long)).toBe(true);
    expect(uri(long + " ")).toBe(false);
  });
});
