import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { lint, fix, validate } from "@anchor-lint/core";
import { parse, type ParseError } from "jsonc-parser";
import { getAt, parsePointer } from "../src/rules/util.js";

const validConfig = {
  count: 5,
  configuration: {
    session: {
      initial_url: "https://example.com",
      recording: { active: true },
      proxy: { active: true, type: "anchor_mobile", country_code: "bt" },
      timeout: { max_duration: 20, idle_timeout: 5 },
      live_view: { read_only: false },
      tags: ["a", "b"],
    },
    browser: {
      headless: { active: false },
      viewport: { width: 1440, height: 900 },
      captcha_solver: { active: true },
      adblock: { active: true },
      popup_blocker: { active: true },
      profile: { name: "p", persist: false },
      extensions: ["550e8400-e29b-41d4-a716-446655440000"],
    },
    integrations: [{ id: "550e8400-e29b-41d4-a716-446655440001", type: "1PASSWORD", configuration: { load_mode: "specific", secrets: ["op://vault/item/field"] } }],
  },
  metadata: { team: "x" },
};

/** Random edits of the kinds people make: deleted or inserted characters, replaced values, renamed keys. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(",", "}", "]", "{", "[", '"', ":", "//x\n", "/*", "1e400", "-1", "null", "\uFEFF", '"__proto__":{},', "\u0000", "US", "true") }),
  fc.record({ kind: fc.constant("value" as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
);

type Mutation = { kind: "delete"; at: number; length: number } | { kind: "insert"; at: number; text: string } | { kind: "value"; at: number; value: unknown };

function applyMutation(text: string, change: Mutation): string {
  const at = change.at % (text.length + 1);
  if (change.kind === "delete") return text.slice(0, at) + text.slice(at + change.length);
  if (change.kind === "insert") return text.slice(0, at) + change.text + text.slice(at);
  // Replace the token after a colon with another JSON value.
  const colon = text.indexOf(":", at);
  if (colon < 0) return text;
  const end = text.slice(colon + 1).search(/[,}\]]/);
  if (end < 0) return text;
  return text.slice(0, colon + 1) + " " + JSON.stringify(change.value) + text.slice(colon + 1 + end);
}

function checkInvariants(text: string): void {
  const findings = lint(text);
  let value: unknown;
  let parsed = true;
  try {
    value = JSON.parse(text);
  } catch {
    parsed = false;
  }
  for (const finding of findings) {
    const range = finding.range!;
    expect(range.start.offset).toBeGreaterThanOrEqual(0);
    expect(range.end.offset).toBeLessThanOrEqual(text.length);
    expect(range.start.offset).toBeLessThanOrEqual(range.end.offset);
    expect(range.start.line).toBeGreaterThanOrEqual(1);
    expect(range.start.column).toBeGreaterThanOrEqual(1);
    if (parsed && finding.pointer !== "") {
      // A pointer names a node, or (a missing property) a child of an existing node.
      const segments = parsePointer(finding.pointer);
      const exists = getAt(value, segments) !== undefined || getAt(value, segments.slice(0, -1)) !== undefined;
      expect(exists, `${finding.ruleId} ${finding.pointer}`).toBe(true);
    }
  }
  // Safe fixes alone never raise the number of errors (docs/fixes.md).
  const errorsOf = (list: readonly { severity: string }[]) => list.filter((finding) => finding.severity === "error").length;
  expect(errorsOf(fix(text).findings)).toBeLessThanOrEqual(errorsOf(findings));
  const result = fix(text, { unsafe: true });
  if (result.changed) {
    // Comments are the user's to remove: the output must parse as JSON with comments.
    const errors: ParseError[] = [];
    parse(result.output, errors, { allowTrailingComma: false, disallowComments: false });
    expect(errors).toEqual([]);
    expect(result.findings.length).toBeLessThanOrEqual(findings.length);
  }
}

// A fixed seed keeps CI reproducible; FC_SEED / FC_RUNS explore further locally.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129), numRuns: Number(process.env.FC_RUNS ?? 300) });

describe("properties", () => {
  it("any JSON value, in any indentation: no throw, ranges inside the text, pointers resolve", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(0, 1, 2, 4, "\t"), (value, indent) => {
        checkInvariants(JSON.stringify(value, null, indent));
      })
    );
  });

  it("any string at all: no throw", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        expect(() => lint(text)).not.toThrow();
        expect(() => fix(text)).not.toThrow();
      })
    );
  });

  it("random values under the request's real keys: no throw, invariants hold", () => {
    const config = fc.record(
      {
        count: fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        configuration: fc.record(
          {
            session: fc.dictionary(fc.constantFrom("proxy", "timeout", "initial_url", "recording", "live_view", "tags", "x"), fc.jsonValue({ maxDepth: 2 })),
            browser: fc.dictionary(fc.constantFrom("headless", "captcha_solver", "viewport", "extensions", "profile", "adblock", "recording"), fc.jsonValue({ maxDepth: 2 })),
            integrations: fc.array(fc.dictionary(fc.constantFrom("id", "type", "configuration"), fc.jsonValue({ maxDepth: 2 })), { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (value) => {
        checkInvariants(JSON.stringify(value, null, 2));
        expect(() => validate(value)).not.toThrow();
      })
    );
  });

  it("mutations of a valid config: no throw, invariants hold, fixes never make things worse", () => {
    const base = JSON.stringify(validConfig, null, 2);
    expect(lint(base)).toEqual([]);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        let text = base;
        for (const change of changes) text = applyMutation(text, change as Mutation);
        checkInvariants(text);
      })
    );
  });
});
