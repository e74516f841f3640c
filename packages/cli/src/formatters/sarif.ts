import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import { escapeJsonControls, type Finding, type Fix, type SourceRange } from "@anchor-lint/core";
import { repositoryPath } from "./repository-path.js";
import type { Formatter } from "./types.js";

const INFORMATION_URI = "https://github.com/anchor-lint/anchor-lint";

function level(severity: "error" | "warning"): "error" | "warning" {
  return severity;
}

/** A relative URI reference for a report path (each segment percent-encoded). */
export function artifactUri(path: string): string {
  return path.split("/").map((segment) => (segment === ".." || segment === "." ? segment : encodeURIComponent(segment))).join("/");
}

function region(range: SourceRange | undefined) {
  if (!range) return undefined;
  return { startLine: range.start.line, startColumn: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/** A rule's SARIF `name`: its id in PascalCase (`count-range` is `CountRange`), as the spec asks for a name distinct from the id. */
export function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_whole, _dash: string, letter: string) => letter.toUpperCase());
}

/** A fix or suggestion as a SARIF fix: replacements by character offset, in UTF-16 code units as `columnKind` says. */
function sarifFix(fix: Fix, artifactLocation: object) {
  return {
    description: { text: fix.safety === "safe" ? fix.title : `${fix.title} (unsafe: changes behaviour)` },
    artifactChanges: [
      {
        artifactLocation,
        replacements: fix.edits.map((edit) => ({ deletedRegion: { charOffset: edit.offset, charLength: edit.length }, insertedContent: { text: edit.newText } })),
      },
    ],
  };
}

/**
 * SARIF 2.1.0 for GitHub code scanning. Fingerprints hash the rule, the file and the JSON pointer
 * (not line numbers), so a finding keeps its identity when lines above it move. Paths are relative to
 * the repository root (`%SRCROOT%`, given in `originalUriBaseIds`), which code scanning resolves them against.
 */
export const sarif: Formatter = (results, context) => {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const result of results) {
    const artifactLocation = { uri: artifactUri(repositoryPath(result, context)), uriBaseId: "%SRCROOT%" };
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
      const place = region(finding.range);
      if (place) physicalLocation.region = place;
      const index = ruleIndex.get(finding.ruleId);
      // Why the finding is where it is (the other half of a two-place rule), and what would fix it.
      const related = (finding.related ?? []).map((location, id) => {
        const where: Record<string, unknown> = { artifactLocation };
        const at = region(location.range);
        if (at) where.region = at;
        return { id, message: { text: location.message }, physicalLocation: where, logicalLocations: [{ fullyQualifiedName: location.pointer === "" ? "/" : location.pointer, kind: "object" }] };
      });
      const fixes = [...(finding.fix ? [finding.fix] : []), ...(finding.suggestions ?? [])].map((fix) => sarifFix(fix, artifactLocation));
      sarifResults.push({
        ruleId: finding.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: level(finding.severity),
        message: { text: finding.message },
        locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: finding.pointer === "" ? "/" : finding.pointer, kind: "object" }] }],
        partialFingerprints: { "anchorLintFindingHash/v1": fingerprint },
        ...(related.length > 0 ? { relatedLocations: related } : {}),
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
  }
  // An absolute file URI ending in "/", as SARIF requires of a base.
  const root = context.repositoryRoot ?? context.cwd;
  const base = root === undefined ? undefined : `${pathToFileURL(root).href.replace(/\/$/, "")}/`;
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
              name: ruleName(rule.id),
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
        ...(base !== undefined ? { originalUriBaseIds: { "%SRCROOT%": { uri: base } } } : {}),
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  // DEL, C1, separators and bidi controls from file text as JSON escapes: the same value, safe to print.
  return escapeJsonControls(JSON.stringify(log, null, 2));
};
