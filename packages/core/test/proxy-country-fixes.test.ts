import { describe, expect, it } from "vitest";
import { fix, lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";

// What a user gets from the whole linter (every rule on) for a proxy's country written in a way
// the API does not take: one finding per mistake, and fixes that leave no error and lose nothing.

const file = (proxy: Record<string, unknown>) => `${JSON.stringify({ count: 2, configuration: { session: { proxy } } }, null, 2)}\n`;

describe("a proxy type that is not one", () => {
  it('"anchor_isp" gets no "did you mean" for a type it only shares "anchor_" with: one finding, listing the types', () => {
    const findings = lint(file({ active: true, type: "anchor_isp", country_code: "us" }));
    expect(findings.map((finding) => finding.ruleId)).toEqual(["valid-enum"]);
    expect(findings[0]!.message).not.toContain("Did you mean");
    expect(findings[0]!.message).toContain('"anchor_gov", "anchor_mobile", "anchor_proxy", "anchor_residential" or "custom"');
  });

  it("a real typo of a type is still guessed", () => {
    const [finding] = lint(file({ active: true, type: "anchor_residental", country_code: "us" }));
    expect(finding!.message).toContain('Did you mean "anchor_residential"?');
  });
});

describe("a country code of two parts", () => {
  it('"US-CA" is the United States, not Canada, and --fix leaves it for the user (its region part would be lost)', () => {
    const text = file({ active: true, type: "anchor_residential", country_code: "US-CA" });
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.message.includes("United States"), finding.message.includes("Canada")])).toEqual([["proxy-country", true, false]]);
    expect(fix(text).output).toBe(text);
    // The suggestion, once taken, leaves a clean file.
    const taken = applyEdits(text, findings[0]!.suggestions![0]!.edits!);
    expect(JSON.parse(taken).configuration.session.proxy.country_code).toBe("us");
    expect(lint(taken)).toEqual([]);
  });

  it('"en-US" is fixed by --fix to "us", and the file is then clean', () => {
    const text = file({ active: true, type: "anchor_residential", country_code: "en-US" });
    const { output } = fix(text);
    expect(JSON.parse(output).configuration.session.proxy).toEqual({ active: true, type: "anchor_residential", country_code: "us" });
    expect(lint(output)).toEqual([]);
  });

  it('"DE-BY" offers both countries as suggestions and --fix picks neither', () => {
    const text = file({ active: true, type: "anchor_residential", country_code: "DE-BY" });
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toBeUndefined();
    for (const suggestion of findings[0]!.suggestions!) expect(lint(applyEdits(text, suggestion.edits!))).toEqual([]);
    expect(fix(text).output).toBe(text);
  });
});

describe("a country another type offers", () => {
  it('the suggestion to change the type also writes the code as that type lists it ("GB" -> "gb"): no error is left', () => {
    const text = file({ active: true, type: "anchor_proxy", country_code: "GB" });
    const findings = lint(text);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["proxy-country"]);
    const [suggestion] = findings[0]!.suggestions!;
    const taken = applyEdits(text, suggestion!.edits!);
    expect(JSON.parse(taken).configuration.session.proxy).toEqual({ active: true, type: JSON.parse(taken).configuration.session.proxy.type, country_code: "gb" });
    expect(JSON.parse(taken).configuration.session.proxy.type).not.toBe("anchor_proxy");
    expect(lint(taken)).toEqual([]);
  });
});
