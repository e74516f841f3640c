import type { Finding, Fix, SourceRange } from "@anchor-lint/core";
import { escapeJsonControls, redactCredentials } from "@anchor-lint/core";
import { countResult, type FileResult } from "../results.js";
import type { Formatter } from "./types.js";

/** ESLint's fix shape: one replacement of the text between two offsets. */
export interface EslintFix {
  range: [number, number];
  text: string;
}

export interface JsonMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  /** Absent only for fatal problems not tied to a place (an unreadable file). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** RFC 6901 pointer of the node the finding is about. */
  pointer: string;
  fatal?: true;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
  related?: { pointer: string; message: string; line?: number; column?: number; endLine?: number; endColumn?: number }[];
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  suppressedMessages: [];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
  usedDeprecatedRules: [];
}

/**
 * Merges a fix's edits into one replacement, filling the gaps with the original text, as ESLint
 * does for multi-part fixes. Returns undefined when the source text is not at hand.
 */
export function toEslintFix(fix: Fix, source: string | undefined): EslintFix | undefined {
  if (fix.edits.length === 1) {
    const only = fix.edits[0]!;
    return { range: [only.offset, only.offset + only.length], text: only.newText };
  }
  const edits = [...fix.edits].sort((a, b) => a.offset - b.offset);
  const first = edits[0];
  if (!first) return undefined;
  if (source === undefined) return undefined;
  let text = "";
  let cursor = first.offset;
  for (const edit of edits) {
    text += source.slice(cursor, edit.offset) + edit.newText;
    cursor = edit.offset + edit.length;
  }
  return { range: [first.offset, cursor], text };
}

function place(range: SourceRange | undefined): Pick<JsonMessage, "line" | "column" | "endLine" | "endColumn"> {
  if (!range) return {};
  return { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

export function toJsonMessage(finding: Finding, source: string | undefined): JsonMessage {
  // Plain literals in ESLint's key order (no spread of a temporary): this runs for every finding.
  const severity = finding.severity === "error" ? 2 : 1;
  const range = finding.range;
  const message: JsonMessage = range
    ? { ruleId: finding.ruleId, severity, message: finding.message, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column, pointer: finding.pointer }
    : { ruleId: finding.ruleId, severity, message: finding.message, pointer: finding.pointer };
  // Only safe fixes are what --fix applies; an unsafe fix is offered like a suggestion.
  if (finding.fix?.safety === "safe") {
    const fix = toEslintFix(finding.fix, source);
    if (fix) message.fix = fix;
  }
  const offered = finding.fix && finding.fix.safety !== "safe" ? [finding.fix, ...(finding.suggestions ?? [])] : finding.suggestions;
  if (offered && offered.length > 0) {
    const suggestions: { desc: string; fix: EslintFix }[] = [];
    for (const suggestion of offered) {
      const fix = toEslintFix(suggestion, source);
      if (fix) suggestions.push({ desc: suggestion.title, fix });
    }
    if (suggestions.length > 0) message.suggestions = suggestions;
  }
  if (finding.related && finding.related.length > 0) {
    message.related = finding.related.map((related) => ({ pointer: related.pointer, message: related.message, ...place(related.range) }));
  }
  return message;
}

export function toJsonResult(result: FileResult): JsonResult {
  const messages: JsonMessage[] = [];
  if (result.fatal !== undefined) messages.push({ ruleId: null, severity: 2, message: result.fatal, pointer: "", fatal: true });
  for (const finding of result.findings) messages.push(toJsonMessage(finding, result.source));
  const counts = countResult(result);
  return {
    filePath: result.filePath,
    messages,
    suppressedMessages: [],
    errorCount: counts.errorCount,
    fatalErrorCount: counts.fatalErrorCount,
    warningCount: counts.warningCount,
    fixableErrorCount: counts.fixableErrorCount,
    fixableWarningCount: counts.fixableWarningCount,
    // The fixed text is the user's file: printed (--fix-dry-run), its proxy credentials are masked.
    ...(result.output !== undefined ? { output: redactCredentials(result.output) } : {}),
    usedDeprecatedRules: [],
  };
}

/**
 * A clean file's entry after its path, exactly as JSON.stringify writes it: most files of a large run
 * are clean, and writing their entries directly is about twice as fast as building and serializing
 * objects for them.
 */
const CLEAN_ENTRY_AFTER_PATH = JSON.stringify(toJsonResult({ filePath: "", path: "", findings: [] })).slice('{"filePath":""'.length);

/** ESLint's JSON format (one array, every linted file), plus `pointer` on each message. */
export const json: Formatter = (results) => {
  const entries = results.map((result) =>
    result.findings.length === 0 && result.fatal === undefined && result.output === undefined
      ? `{"filePath":${JSON.stringify(result.filePath)}${CLEAN_ENTRY_AFTER_PATH}`
      : JSON.stringify(toJsonResult(result)),
  );
  // DEL, C1, separators and bidi controls from file text as JSON escapes: the same value, safe to print.
  return escapeJsonControls(`[${entries.join(",")}]`);
};
