import type { Finding, Fix } from "./types.js";
import { applicableFixes, applyEdits, applyFixes, MAX_FIX_PASSES } from "./fix.js";
import { effectOf } from "./source/edits/effects.js";
import { keepsPromises } from "./fix-check.js";

/** Fixes of a taken-back pass tried one at a time, at most, in that pass. */
const MAX_SINGLE_TRIES = 8;

export interface FixPassesResult {
  output: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings of `output`. */
  findings: Finding[];
}

/**
 * Lints, applies the fixes that fit together (no shared text, no shared place in the document),
 * lints again, at most {@link MAX_FIX_PASSES} times. A pass whose result breaks a promise of
 * docs/fixes.md (see {@link keepsPromises}) is taken back and its fixes tried one at a time: the
 * first that keeps the promises alone is applied, and one that breaks them alone is never tried again.
 */
export function runFixPasses(text: string, lintText: (text: string) => Finding[], options: { unsafe?: boolean; rules?: readonly string[] }): FixPassesResult {
  let output = text;
  let applied = 0;
  let findings = lintText(output);
  // Text that is not JSON yet has no reliable structure to edit: fixes wait until it parses.
  if (findings.some((finding) => finding.ruleId === "json-syntax")) return { output, applied, findings };
  const refused = new Set<string>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fixes = applicableFixes(findings, options).filter((fix) => !refused.has(signature(fix)));
    if (fixes.length === 0) break;
    const batch = applyFixes(output, fixes);
    if (batch.applied.length === 0 || batch.output === output) break;
    const next = lintText(batch.output);
    if (keepsPromises({ text: output, findings }, { text: batch.output, findings: next }, batch.applied)) {
      output = batch.output;
      findings = next;
      applied += batch.applied.length;
      continue;
    }
    // Each try lints the whole text: a few per pass, so a file with thousands of fixes that all
    // break a promise costs a few lints, not one per fix (those not tried wait for the next pass).
    for (const fix of batch.applied.slice(0, MAX_SINGLE_TRIES)) {
      const single = applyEdits(output, fix.edits);
      const singleFindings = batch.applied.length === 1 ? next : lintText(single);
      if (keepsPromises({ text: output, findings }, { text: single, findings: singleFindings }, [fix])) {
        output = single;
        findings = singleFindings;
        applied++;
        break;
      }
      refused.add(signature(fix));
    }
  }
  return { output, applied, findings };
}

/** The same fix proposed again in a later pass (offsets may have moved; what it does has not). */
function signature(fix: Fix): string {
  return fix.title + "\u0000" + JSON.stringify(effectOf(fix.edits) ?? fix.edits);
}
