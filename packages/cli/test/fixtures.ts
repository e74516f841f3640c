import type { Finding } from "@anchor-lint/core";
import type { FileResult } from "../src/results.js";
import type { FormatContext, RuleInfo } from "../src/formatters/types.js";

export const RULES: RuleInfo[] = [
  { id: "count-range", description: "The session count must be within the account's limit.", defaultSeverity: "error", fixable: false, docsUrl: "https://example.test/count-range.md" },
  { id: "known-property", description: "Properties must be known.", defaultSeverity: "warning", fixable: "safe", docsUrl: "https://example.test/known-property.md" },
  { id: "proxy-country", description: "Country codes must exist for the proxy type.", defaultSeverity: "error", fixable: "safe", docsUrl: "https://example.test/proxy-country.md" },
];

export const CONTEXT: FormatContext = { color: false, version: "1.2.3", rules: RULES };

/** A range from 1-based line/column pairs; offsets assume lines of 100 characters. */
export function range(line: number, column: number, endLine: number, endColumn: number): Finding["range"] {
  return {
    start: { line, column, offset: (line - 1) * 100 + column - 1 },
    end: { line: endLine, column: endColumn, offset: (endLine - 1) * 100 + endColumn - 1 },
  };
}

export const COUNT: Finding = {
  ruleId: "count-range",
  severity: "error",
  message: "Session count must be between 1 and 1000 (found 5000).",
  pointer: "/count",
  range: range(2, 12, 2, 16),
};

export const COUNTRY: Finding = {
  ruleId: "proxy-country",
  severity: "error",
  message: '"US" must be written in lower case: "us".',
  pointer: "/configuration/session/proxy/country_code",
  range: range(5, 25, 5, 29),
  fix: { title: 'Write "us"', safety: "safe", edits: [{ offset: 424, length: 4, newText: '"us"' }] },
};

export const UNKNOWN: Finding = {
  ruleId: "known-property",
  severity: "warning",
  message: 'Unknown property "recordng" (did you mean "recording"?).',
  pointer: "/configuration/session/recordng",
  range: range(7, 7, 7, 17),
  fix: { title: 'Rename to "recording"', safety: "unsafe", edits: [{ offset: 606, length: 10, newText: '"recording"' }] },
  suggestions: [{ title: "Remove the property", safety: "unsafe", edits: [{ offset: 600, length: 30, newText: "" }] }],
};

export function results(): FileResult[] {
  return [
    { filePath: "/repo/jobs/a.anchor.json", path: "jobs/a.anchor.json", findings: [COUNT, COUNTRY, UNKNOWN] },
    { filePath: "/repo/jobs/clean.anchor.json", path: "jobs/clean.anchor.json", findings: [] },
    { filePath: "/repo/jobs/locked.anchor.json", path: "jobs/locked.anchor.json", findings: [], fatal: "Cannot read file: permission denied" },
  ];
}
