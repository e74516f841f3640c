import { shown, shownPath } from "./display.js";
import { repositoryPath } from "./repository-path.js";
import type { Formatter } from "./types.js";

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
export const ANNOTATIONS_PER_KIND = 10;

/** Escapes workflow-command data (the message). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value: as data, plus `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

interface Entry {
  kind: "error" | "warning";
  path: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  rule: string | undefined;
  message: string;
}

/**
 * Workflow commands that GitHub Actions turns into annotations, with paths relative to the repository
 * root, which GitHub resolves them against. Past the per-step limit a notice
 * says how many were left out, and those findings follow as plain log lines so none is lost.
 */
export const github: Formatter = (results, context) => {
  const entries: Entry[] = [];
  for (const result of results) {
    // File text escaped first (the one rule), then as workflow commands need: no line of this output
    // can start with anything from a file, nor end a command early. The path is the repository's.
    const path = shownPath(repositoryPath(result, context));
    if (result.fatal !== undefined) entries.push({ kind: "error", path, rule: undefined, message: shown(result.fatal) });
    for (const finding of result.findings) {
      const range = finding.range;
      entries.push({
        kind: finding.severity,
        path,
        ...(range ? { line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column } : {}),
        rule: finding.ruleId,
        message: shown(finding.message),
      });
    }
  }
  const used = { error: 0, warning: 0 };
  const lines: string[] = [];
  const rest: Entry[] = [];
  for (const entry of entries) {
    if (used[entry.kind] >= ANNOTATIONS_PER_KIND) {
      rest.push(entry);
      continue;
    }
    used[entry.kind]++;
    const properties = [`file=${escapeProperty(entry.path)}`];
    if (entry.line !== undefined) {
      properties.push(`line=${entry.line}`, `col=${entry.column}`, `endLine=${entry.endLine}`, `endColumn=${entry.endColumn}`);
    }
    properties.push(`title=${escapeProperty(entry.rule ?? "anchor-lint")}`);
    lines.push(`::${entry.kind} ${properties.join(",")}::${escapeData(entry.message)}`);
  }
  if (rest.length > 0) {
    const noun = rest.length === 1 ? "finding" : "findings";
    lines.push(
      `::notice title=anchor-lint::${rest.length} more ${noun} not shown as annotations (GitHub shows at most ${ANNOTATIONS_PER_KIND} errors and ${ANNOTATIONS_PER_KIND} warnings per step); they are listed below.`,
    );
    for (const entry of rest) {
      const at = entry.line !== undefined ? `${entry.line}:${entry.column}` : "0:0";
      lines.push(`${entry.path}:${at}: ${entry.kind} ${entry.message}${entry.rule ? ` [${entry.rule}]` : ""}`);
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
};
