import { expect, it } from "vitest";
import { lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";

// A value written with the wrong type gets a suggestion only when the other rules accept what it
// writes: applying a suggestion must not trade one error for another.

function suggested(text: string): { message: string; titles: string[] | undefined; after: string[] } {
  const findings = lint(text);
  expect(findings).toHaveLength(1);
  const [finding] = findings;
  const suggestion = finding!.suggestions?.[0];
  const after = suggestion ? lint(applyEdits(text, suggestion.edits)).map((other) => other.message) : [];
  return { message: finding!.message, titles: finding!.suggestions?.map((item) => item.title), after };
}

it("a quoted count within range: the suggestion drops the quotes, and then the file is clean", () => {
  expect(suggested('{"count": "20"}')).toEqual({ message: '"count" must be an integer; found a string ("20"); did you mean 20 without quotes?', titles: ["Replace with 20"], after: [] });
});

it("a quoted count above the limit: no suggestion, and the message says the number is out of range too", () => {
  const { message, titles } = suggested('{"count": "2000"}');
  expect(titles).toBeUndefined();
  expect(message).toMatch(/^"count" must be an integer; found a string \("2000"\); 2000 would still be wrong: Session count must be between 1 and 1000 \(found 2000\)\./);
  expect(message).not.toContain("did you mean");
});

it("the account's maxCount decides, as count-range does", () => {
  const findings = lint('{"count": "2000"}', { config: { maxCount: 5000 } });
  expect(findings.map((finding) => finding.suggestions?.map((item) => item.title))).toEqual([["Replace with 2000"]]);
});

it("a quoted negative timeout other than -1: no suggestion, the message says why", () => {
  const { message, titles } = suggested('{"count": 1, "configuration": {"session": {"timeout": {"max_duration": "-5"}}}}');
  expect(titles).toBeUndefined();
  expect(message).toContain('-5 would still be wrong: "max_duration" must be a positive number of minutes or -1 for no limit; found -5.');
});

it("a screen size with a zero side is not suggested as a viewport", () => {
  const { message, titles } = suggested('{"count": 1, "configuration": {"browser": {"viewport": "0x1080"}}}');
  expect(titles).toBeUndefined();
  expect(message).toContain('{ "width": 0, "height": 1080 } would still be wrong: "width" must be a positive number of pixels; found 0.');
});

it("a screen size in range: after the suggestion the file is clean", () => {
  expect(suggested('{"count": 1, "configuration": {"browser": {"viewport": "1366x768"}}}').after).toEqual([]);
});

it("two quoted numbers, one out of range: each is judged alone", () => {
  const findings = lint('{"count": "5000", "configuration": {"browser": {"viewport": {"width": "1280", "height": 720}}}}');
  expect(findings.map((finding) => [finding.pointer, finding.suggestions?.map((item) => item.title)])).toEqual([
    ["/count", undefined],
    ["/configuration/browser/viewport/width", ["Replace with 1280"]],
  ]);
});

it("one extension name where a list of ids is expected: no list of a non-id is suggested, and the message says why", () => {
  const { message, titles } = suggested('{"count": 1, "configuration": {"browser": {"extensions": "ublock"}}}');
  expect(titles).toBeUndefined();
  expect(message).toContain('["ublock"] would still be wrong: "ublock" is not a valid UUID');
});

it("a list of ids written as one string with commas: the suggestion splits it, and then the file is clean", () => {
  const ids = "3c90c3cc-0d44-4b50-8888-8dd25736052a, 550e8400-e29b-41d4-a716-446655440000";
  const result = suggested(`{"count": 1, "configuration": {"browser": {"extensions": "${ids}"}}}`);
  expect(result.titles).toEqual(['Replace with ["3c90c3cc-0d44-4b50-8888-8dd25736052a", "550e8400-e29b-41d4-a716-446655440000"]']);
  expect(result.after).toEqual([]);
});

it("one secret reference without op://: not suggested as a list, the message names what is still wrong", () => {
  const text = '{"count": 1, "configuration": {"integrations": [{"id": "550e8400-e29b-41d4-a716-446655440000", "type": "1PASSWORD", "configuration": {"load_mode": "specific", "secrets": "vault/item/field"}}]}}';
  const { message, titles } = suggested(text);
  expect(titles).toBeUndefined();
  expect(message).toContain('["vault/item/field"] would still be wrong: Secret reference "vault/item/field" does not start with "op://"');
});
