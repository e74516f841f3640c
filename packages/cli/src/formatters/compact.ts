import type { Formatter } from "./types.js";

/** One line per finding, `path:line:col: severity message [rule-id]`, for grep and editors' matchers. */
export const compact: Formatter = (results) => {
  let out = "";
  for (const result of results) {
    if (result.fatal !== undefined) out += `${result.path}:0:0: error ${result.fatal}\n`;
    for (const finding of result.findings) {
      const start = finding.range?.start;
      out += `${result.path}:${start ? `${start.line}:${start.column}` : "0:0"}: ${finding.severity} ${finding.message} [${finding.ruleId}]\n`;
    }
  }
  return out;
};
