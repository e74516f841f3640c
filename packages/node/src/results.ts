import type { Finding } from "@anchor-lint/core";

/** The outcome for one linted file (or stdin), as every formatter receives it. */
export interface FileResult {
  /** Absolute path, or "<text>" for stdin without --stdin-filename. */
  filePath: string;
  /** Relative to the working directory with forward slashes; what reports print. */
  path: string;
  /** Findings on the final text (after fixes, when fixing), sorted by position. */
  findings: Finding[];
  /** Set when the file could not be read: counts as one error, like ESLint's fatal parse errors. */
  fatal?: string;
  /**
   * Set (with `fatal` saying why) on a result that stands for a path given to `lintFiles` rather
   * than a file: it does not exist, or is a folder or glob with no file to lint, or a folder that
   * cannot be read. The command prints these on stderr instead of in its report and exits 2.
   */
  pathProblem?: true;
  /** The linted text; kept only when a formatter needs it (fix ranges in the JSON format). */
  source?: string;
  /** The fixed text, when --fix or --fix-dry-run changed something. */
  output?: string;
}

export interface Counts {
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** A finding with a safe fix is what `--fix` applies; unsafe ones are only offered. */
export function isFixable(finding: Finding): boolean {
  return finding.fix !== undefined && finding.fix.safety === "safe";
}

export function countResult(result: FileResult): Counts {
  const counts: Counts = { errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  if (result.fatal !== undefined) {
    counts.errorCount++;
    counts.fatalErrorCount++;
  }
  for (const finding of result.findings) {
    if (finding.severity === "error") {
      counts.errorCount++;
      if (isFixable(finding)) counts.fixableErrorCount++;
    } else {
      counts.warningCount++;
      if (isFixable(finding)) counts.fixableWarningCount++;
    }
  }
  return counts;
}

export function countAll(results: readonly FileResult[]): Counts {
  const total: Counts = { errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const result of results) {
    const counts = countResult(result);
    total.errorCount += counts.errorCount;
    total.warningCount += counts.warningCount;
    total.fatalErrorCount += counts.fatalErrorCount;
    total.fixableErrorCount += counts.fixableErrorCount;
    total.fixableWarningCount += counts.fixableWarningCount;
  }
  return total;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
