import { resolve } from "node:path";
import { fix, lint, type Finding, type LintConfig, type Position, type SourceRange } from "@anchor-lint/core";
import type { ConfigResolver } from "./config.js";
import { displayPath } from "./paths.js";
import { describeReadFailure, readRegularFile, type ReadFailure } from "./read.js";
import type { FileResult } from "./results.js";

/** Why a file could not be read, without a stack; what the reader thread sends instead of a text. */
export type { ReadFailure } from "./read.js";
import { reasonOf, writeFileAtomicSync } from "./write.js";

/** `write` fixes files in place; `dry-run` computes the fixed text (`output`) without writing it. */
export type FixMode = "none" | "write" | "dry-run";

/** One file to lint and the config that applies to it. */
export interface LintTask {
  /** Absolute path. */
  filePath: string;
  /** What reports print: relative to the working directory, with `/`. */
  path: string;
  config: LintConfig;
}

export interface LintJobOptions {
  fix: FixMode;
  /** Keep the text when a finding has a fix (the JSON format turns edits into ESLint ranges). */
  keepSource: boolean;
}

function readError(error: ReadFailure): string {
  return `Cannot read file: ${describeReadFailure(error)}`;
}

/** Lints (and fixes) one text. Shared by files, stdin and workers. */
export function lintText(text: string, task: LintTask, options: LintJobOptions): FileResult {
  let findings: Finding[];
  let output: string | undefined;
  let finalText = text;
  if (options.fix !== "none") {
    const result = fix(text, { config: task.config });
    findings = result.findings;
    if (result.changed) {
      output = result.output;
      finalText = result.output;
    }
  } else {
    findings = lint(text, { config: task.config });
  }
  // A byte order mark is no column: editors and ESLint count line 1 without it (offsets keep it, as edits need).
  if (finalText.charCodeAt(0) === 0xfeff) findings = findings.map(withoutByteOrderMarkColumn);
  const result: FileResult = { filePath: task.filePath, path: task.path, findings };
  if (output !== undefined) result.output = output;
  if (options.keepSource && findings.some((finding) => finding.fix || finding.suggestions)) result.source = finalText;
  return result;
}

/**
 * Lints a text as if it were the file at `filePath` (relative to `cwd`), with that file's config;
 * without `filePath`, with the config that applies in `cwd`, as `<text>`. Undefined when the
 * config's `ignores` exclude it. `AnchorLint.lintText` and the CLI's `--stdin` both come here, so
 * that an editor or script piping a text gets what the command reports.
 */
export function lintTextAs(text: string, filePath: string | undefined, resolver: ConfigResolver, cwd: string, options: LintJobOptions): FileResult | undefined {
  const absolute = filePath !== undefined ? resolve(cwd, filePath) : "<text>";
  const lookupPath = filePath !== undefined ? absolute : resolve(cwd, "<text>");
  if (resolver.isIgnored(lookupPath)) return undefined;
  const path = filePath !== undefined ? displayPath(cwd, absolute) : "<text>";
  return lintText(text, { filePath: absolute, path, config: resolver.lintConfigFor(lookupPath) }, options);
}

function withoutByteOrderMark(position: Position): Position {
  return position.line === 1 && position.column > 1 ? { ...position, column: position.column - 1 } : position;
}

function shiftedRange(range: SourceRange): SourceRange {
  return { start: withoutByteOrderMark(range.start), end: withoutByteOrderMark(range.end) };
}

function withoutByteOrderMarkColumn(finding: Finding): Finding {
  if (!finding.range) return finding;
  const shifted: Finding = { ...finding, range: shiftedRange(finding.range) };
  if (finding.related) shifted.related = finding.related.map((related) => (related.range ? { ...related, range: shiftedRange(related.range) } : related));
  return shifted;
}

export function lintFile(task: LintTask, options: LintJobOptions): FileResult {
  return lintReadFile(readRegularFile(task.filePath), task, options);
}

/** Lints (and fixes, writing the file) a file read elsewhere, or reports why it could not be read. */
export function lintReadFile(text: string | ReadFailure, task: LintTask, options: LintJobOptions): FileResult {
  if (typeof text !== "string") return { filePath: task.filePath, path: task.path, findings: [], fatal: readError(text) };
  const result = lintText(text, task, options);
  if (options.fix === "write" && result.output !== undefined) writeFix(result, () => lintText(text, task, { ...options, fix: "none" }));
  return result;
}

/**
 * Writes a result's fixed text to its file; a failure becomes the result's `fatal`, in words, and
 * the file is as it was. The one place fixes reach the disk (lintFiles with `fix: "write"` and
 * `outputFixes` both come here). `onDisk` lints the file as it is: on failure the result reports
 * those findings (and that text), not the ones of a text that was never written.
 */
export function writeFix(result: FileResult, onDisk?: () => FileResult): void {
  if (result.output === undefined) return;
  try {
    writeFileAtomicSync(result.filePath, result.output);
  } catch (error) {
    let unchanged: FileResult | undefined;
    try {
      unchanged = onDisk?.();
    } catch {
      // Gone or unreadable now: the findings stay as they were, the message says nothing of them.
    }
    if (unchanged) {
      result.findings = unchanged.findings;
      if (unchanged.source !== undefined) result.source = unchanged.source;
      else delete result.source;
    }
    delete result.output;
    result.fatal = `Cannot write the fixes: ${reasonOf(error)}. The file is unchanged${unchanged ? "; the findings below are those of the file as it is" : ""}.`;
  }
}
