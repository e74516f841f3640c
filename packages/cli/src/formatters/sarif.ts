import { createHash } from "node:crypto";
import { escapeJsonControls, type Finding } from "@anchor-lint/core";
import type { Formatter } from "./types.js";

const INFORMATION_URI = "https://github.com/anchor-lint/anchor-lint";

function level(severity: "error" | "warning"): "error" | "warning" {
  return severity;
}

/** A relative URI reference for a report path (each segment percent-encoded). */
export function artifactUri(path: string): string {
  return path.split("/").map((segment) => (segment === ".." || segment === "." ? segment : encodeURIComponent(segment))).join("/");
}

function region(finding: Finding) {
  const range = finding.range;
  if (!range) return undefined;
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/**
 * SARIF 2.1.0 for GitHub code scanning. Fingerprints hash the rule, the file and the JSON pointer
 * (not line numbers), so a finding keeps its identity when lines above it move.
 */
export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const result of results) {
    const artifactLocation = { uri: artifactUri(result.path), uriBaseId: "%SRCROOT%" };
    if (result.fatal !== undefined) {
      notifications.push({ level: "error", message: { text: result.fatal }, locations: [{ physicalLocation: { artifactLocation } }] });
    }
    const seen = new Map<string, number>();
    for (const finding of result.findings) {
      const identity = `${finding.ruleId}\u0000${result.path}\u0000${finding.pointer}`;
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      const fingerprint = createHash("sha256").update(`${identity}\u0000${occurrence}`).digest("hex");
      const physicalLocation: Record<string, unknown> = { artifactLocation };
      const place = region(finding);
      if (place) physicalLocation.region = place;
      const index = ruleIndex.get(finding.ruleId);
      sarifResults.push({
        ruleId: finding.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: finding.pointer === "" ? "/" : finding.pointer, kind: "object" }] }],
        partialFingerprints: { "anchorLintFindingHash/v1": fingerprint },
      });
    }
  }
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "anchor-lint",
            version: context.version,
            semanticVersion: context.version,
            informationUri: INFORMATION_URI,
            rules: context.rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.description },
              fullDescription: {
                text: `${rule.description} Default severity: ${rule.defaultSeverity}.${rule.fixable ? ` Offers ${rule.fixable} fixes.` : ""}`,
              },
              helpUri: rule.docsUrl,
              help: { text: `See ${rule.docsUrl}`, markdown: `See [${rule.id}](${rule.docsUrl}).` },
              defaultConfiguration: { level: level(rule.defaultSeverity) },
            })),
          },
        },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  // DEL, C1, separators and bidi controls from file text as JSON escapes: the same value, safe to print.
  return escapeJsonControls(JSON.stringify(log, null, 2));
};
