import { shown } from "./display.js";
import type { Formatter } from "./types.js";

// XML 1.0 cannot carry most control characters nor lone surrogates, even escaped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** File text for an attribute or element: escaped by the one rule, then for XML. */
export function escapeXml(text: string): string {
  return shown(text)
    .replace(NOT_XML, "\uFFFD")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * JUnit XML for CI test reports: a testsuite per file, a testcase per finding (a failure, whatever
 * its severity, as ESLint's junit format does), and one passing testcase for a clean file.
 * An unreadable file is an `<error>`: the check could not run.
 */
export const junit: Formatter = (results) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of results) {
    const file = escapeXml(result.path);
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    // Test report widgets key a testcase by classname and name: two findings of one rule at one pointer
    // (two problems with the same value) get " (2)", " (3)" so that neither hides the other.
    const seen = new Map<string, number>();
    if (result.fatal !== undefined) {
      suiteErrors++;
      cases.push(`    <testcase classname="${file}" name="read file"><error message="${escapeXml(result.fatal)}"/></testcase>`);
    }
    for (const finding of result.findings) {
      suiteFailures++;
      const start = finding.range?.start;
      const at = start ? `line ${start.line}, col ${start.column}` : "line 0, col 0";
      const base = `${finding.ruleId} ${finding.pointer === "" ? "/" : finding.pointer}`;
      const count = (seen.get(base) ?? 0) + 1;
      seen.set(base, count);
      const name = count === 1 ? base : `${base} (${count})`;
      cases.push(
        `    <testcase classname="${file}" name="${escapeXml(name)}"><failure type="${finding.severity}" message="${escapeXml(finding.message)}">${escapeXml(`${at}, ${finding.severity}: ${finding.message} (${finding.ruleId})`)}</failure></testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${file}" name="anchor-lint"/>`);
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(
      `  <testsuite name="${file}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="anchor-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
};
