import { shown, shownPath } from "./display.js";
import type { Formatter } from "./types.js";

/** One line per finding, `path:line:col: severity message [rule-id]`, for grep and editors' matchers. */
export const compact: Formatter = (results) => {
  let out = "";
  for (const result of results) {
    const path = shownPath(result.path);
    if (result.fatal !== undefined) out += `${path}:0:0: error ${shown(result.fatal)}\n`;
    for (const finding of result.findings) {
      const start = finding.range?.start;
      out += `${path}:${start ? `${start.line}:${start.column}` : "0:0"}: ${finding.severity} ${shown(finding.message)} [${finding.ruleId}]\n`;
    }
  }
  return out;
};
