import { countAll, plural } from "../results.js";
import { palette } from "./color.js";
import { shown, shownPath } from "./display.js";
import type { Formatter } from "./types.js";

/** ESLint's default look: findings grouped by file, aligned columns, a summary with the fixable count. */
export const stylish: Formatter = (results, context) => {
  const c = palette(context.color);
  let out = "";
  for (const result of results) {
    const rows: { position: string; severity: "error" | "warning"; message: string; rule: string }[] = [];
    if (result.fatal !== undefined) rows.push({ position: "0:0", severity: "error", message: shown(result.fatal), rule: "" });
    for (const finding of result.findings) {
      const start = finding.range?.start;
      rows.push({
        position: start ? `${start.line}:${start.column}` : "0:0",
        severity: finding.severity,
        message: shown(finding.message),
        rule: finding.ruleId,
      });
    }
    if (rows.length === 0) continue;
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const messageWidth = Math.max(...rows.map((row) => row.message.length));
    out += `\n${c.underline(shownPath(result.path))}\n`;
    for (const row of rows) {
      const severity = row.severity === "error" ? c.red(row.severity) : c.yellow(row.severity);
      const line = [
        `  ${c.dim(row.position)}${" ".repeat(positionWidth - row.position.length)}`,
        `${severity}${" ".repeat(severityWidth - row.severity.length)}`,
        row.rule === "" ? row.message : `${row.message}${" ".repeat(messageWidth - row.message.length)}`,
        ...(row.rule === "" ? [] : [c.dim(row.rule)]),
      ].join("  ");
      out += `${line}\n`;
    }
  }
  const total = countAll(results);
  const problems = total.errorCount + total.warningCount;
  if (problems === 0) return "";
  const paint = total.errorCount > 0 ? c.red : c.yellow;
  out += `\n${paint(c.bold(`✖ ${plural(problems, "problem")} (${plural(total.errorCount, "error")}, ${plural(total.warningCount, "warning")})`))}\n`;
  if (total.fixableErrorCount + total.fixableWarningCount > 0) {
    out += `${paint(c.bold(`  ${plural(total.fixableErrorCount, "error")} and ${plural(total.fixableWarningCount, "warning")} potentially fixable with the \`--fix\` option.`))}\n`;
  }
  return out;
};
