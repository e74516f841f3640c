import { describe, expect, it } from "vitest";
import { lint, fix } from "@anchor-lint/core";
import { boundedEditDistance, didYouMean, editDistance } from "../src/rules/util.js";

describe("two neighbouring letters swapped are one edit", () => {
  it("in the distance (optimal string alignment: a swapped pair is not edited again)", () => {
    expect(editDistance("tpye", "type")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("passowrd", "password")).toBe(1);
    expect(editDistance("abc", "ca")).toBe(3);
    // Two swaps are two edits, and the bound still cuts the work short.
    expect(editDistance("tpyeo", "typoe")).toBe(2);
    expect(boundedEditDistance("tpye", "type", 0)).toBe(1);
    expect(boundedEditDistance("abcdef", "badcfe", 2)).toBe(3);
  });

  it("so a four-letter key's swap is within the threshold, and other two-letter changes still are not", () => {
    expect(didYouMean("tpye", ["active", "city", "country_code", "password", "region", "server", "type", "username"])).toBe("type");
    expect(didYouMean("tpye", ["tape"])).toBeUndefined();
  });
});

describe("what a user sees for a swap in a key", () => {
  it('"tpye" inside a proxy: did you mean "type"?, renamed by --fix', () => {
    const text = '{\n  "count": 1,\n  "configuration": {"session": {"proxy": {"active": true, "tpye": "anchor_proxy", "country_code": "de"}}}\n}\n';
    expect(lint(text).map((finding) => [finding.ruleId, finding.message, `${finding.range!.start.line}:${finding.range!.start.column}-${finding.range!.end.line}:${finding.range!.end.column}`, finding.fix?.title, finding.fix?.safety])).toEqual([
      ["known-property", 'Unknown property "tpye" in configuration.session.proxy; did you mean "type"?', "3:59-3:65", 'Rename to "type"', "safe"],
    ]);
    const result = fix(text);
    expect(result.output).toBe('{\n  "count": 1,\n  "configuration": {"session": {"proxy": {"active": true, "type": "anchor_proxy", "country_code": "de"}}}\n}\n');
    expect(result.findings).toEqual([]);
  });

  it('a required "passowrd" written instead of "password" is renamed by --fix, its value kept', () => {
    const text = '{\n  "count": 1,\n  "configuration": {"session": {"proxy": {"active": true, "type": "custom", "server": "http://p.example.com:1", "username": "${env:U}", "passowrd": "${env:P}"}}}\n}\n';
    expect(lint(text).map((finding) => [finding.ruleId, finding.message, finding.fix?.title, finding.fix?.safety])).toEqual([
      [
        "required-property",
        'Missing required property "password" in configuration.session.proxy (Proxy password). "passowrd" is written instead, which the API ignores: did you mean "password"?',
        'Rename "passowrd" to "password"',
        "safe",
      ],
    ]);
    expect(fix(text).output).toBe(text.replace('"passowrd"', '"password"'));
  });
});
