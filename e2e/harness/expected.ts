/** What every editor must show for e2e/fixtures/workspace/broken.anchor.json (1-based lines). */
export const brokenFile = "broken.anchor.json";
export const brokenFindings = [
  { line: 2, ruleId: "count-range", severity: "error", message: /Session count must be between 1 and 1000/ },
  { line: 12, ruleId: "proxy-country", severity: "error", message: /"US" must be written in lower case/ },
  { line: 14, ruleId: "timeout-order", severity: "warning", message: /idle_timeout \(30 minutes\) is longer than max_duration/ },
] as const;

/** e2e/fixtures/workspace/mobile.anchor.json: inside the empty `country_code` string of an anchor_mobile proxy. */
export const mobileFile = "mobile.anchor.json";
export const mobileCountryCursor = { line: 8, column: 26 };

/** A label without the quotes some servers put around string values. */
export function unquote(label: string): string {
  return label.replace(/^"|"$/g, "");
}
