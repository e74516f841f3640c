import { describe, expect, it } from "vitest";
import { parse } from "jsonc-parser";
import type { Rule } from "../src/rule.js";
import type { Finding, LintConfig } from "../src/types.js";
import { runRules } from "../src/engine.js";
import { TextDocumentSource } from "../src/source/document.js";
import { applyEdits } from "../src/fix.js";

export interface ExpectedError {
  message?: string | RegExp;
  pointer?: string;
  severity?: "error" | "warning";
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** Titles of the finding's suggestions (the fixes only offered), in order. */
  suggestions?: string[];
}

export interface InvalidCase {
  code: string | object;
  errors: ExpectedError[];
  /** Text after applying every fix (safe and unsafe) of the findings, once. */
  output?: string;
  /** Text after applying only the safe fixes, as `--fix` would in one pass. */
  safeOutput?: string;
  config?: LintConfig;
  name?: string;
}

export interface ValidCase {
  code: string | object;
  config?: LintConfig;
  name?: string;
}

function textOf(code: string | object): string {
  return typeof code === "string" ? code : JSON.stringify(code, null, 2);
}

/** Lints with only `rule` enabled (plus nothing else), as a user would see its findings. */
export function lintWithRule(rule: Rule, text: string, config: LintConfig = {}): Finding[] {
  return runRules(new TextDocumentSource(text), [rule], config);
}

/**
 * ESLint-style table test for one rule: valid cases must give no finding of the rule, invalid ones
 * exactly the listed findings in order, with their messages, pointers, ranges and fix output.
 */
export function ruleTester(rule: Rule, cases: { valid: (string | object | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe("valid", () => {
      cases.valid.forEach((entry, index) => {
        const validCase: ValidCase = typeof entry === "object" && entry !== null && "code" in entry ? (entry as ValidCase) : { code: entry as string | object };
        it(validCase.name ?? `valid #${index + 1}`, () => {
          const findings = lintWithRule(rule, textOf(validCase.code), validCase.config);
          expect(findings.map((finding) => finding.message)).toEqual([]);
        });
      });
    });
    describe("invalid", () => {
      cases.invalid.forEach((invalidCase, index) => {
        it(invalidCase.name ?? `invalid #${index + 1}`, () => {
          const text = textOf(invalidCase.code);
          const findings = lintWithRule(rule, text, invalidCase.config);
          expect(findings, JSON.stringify(findings.map((finding) => finding.message))).toHaveLength(invalidCase.errors.length);
          invalidCase.errors.forEach((expected, errorIndex) => {
            const finding = findings[errorIndex]!;
            expect(finding.ruleId).toBe(rule.meta.id);
            if (expected.message instanceof RegExp) expect(finding.message).toMatch(expected.message);
            else if (expected.message !== undefined) expect(finding.message).toBe(expected.message);
            if (expected.pointer !== undefined) expect(finding.pointer).toBe(expected.pointer);
            if (expected.severity !== undefined) expect(finding.severity).toBe(expected.severity);
            const range = finding.range!;
            if (expected.line !== undefined) expect(range.start.line).toBe(expected.line);
            if (expected.column !== undefined) expect(range.start.column).toBe(expected.column);
            if (expected.endLine !== undefined) expect(range.end.line).toBe(expected.endLine);
            if (expected.endColumn !== undefined) expect(range.end.column).toBe(expected.endColumn);
            if (expected.suggestions !== undefined) expect((finding.suggestions ?? []).map((suggestion) => suggestion.title)).toEqual(expected.suggestions);
          });
          if (invalidCase.safeOutput !== undefined) {
            const edits = findings.flatMap((finding) => (finding.fix?.safety === "safe" ? finding.fix.edits : []));
            expect(applyEdits(text, edits)).toBe(invalidCase.safeOutput);
          }
          if (invalidCase.output !== undefined) {
            const edits = findings.flatMap((finding) => finding.fix?.edits ?? finding.suggestions?.[0]?.edits ?? []);
            const output = applyEdits(text, edits);
            expect(output).toBe(invalidCase.output);
            const errors: import("jsonc-parser").ParseError[] = [];
            parse(output, errors, { allowTrailingComma: false, disallowComments: true });
            expect(errors).toEqual([]);
          }
        });
      });
    });
  });
}
