import type { Finding, Fix, TextEdit } from "./types.js";

/** Passes of "lint, apply what fits, lint again": fixes can uncover fixable problems, but never loop forever. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies as many fixes as fit without overlapping (earlier fixes win), in one pass over the text.
 * Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: number } {
  const accepted: TextEdit[] = [];
  let applied = 0;
  const sortedFixes = [...fixes].sort((a, b) => firstOffset(a) - firstOffset(b));
  for (const fix of sortedFixes) {
    const candidate = [...accepted, ...fix.edits].sort((a, b) => a.offset - b.offset);
    if (hasOverlap(candidate)) continue;
    accepted.push(...fix.edits);
    applied++;
  }
  return { output: applyEdits(text, accepted), applied };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let output = text;
  for (const edit of sorted) output = output.slice(0, edit.offset) + edit.newText + output.slice(edit.offset + edit.length);
  return output;
}

function firstOffset(fix: Fix): number {
  return Math.min(...fix.edits.map((edit) => edit.offset));
}

function hasOverlap(sorted: readonly TextEdit[]): boolean {
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    const current = sorted[index]!;
    // Two insertions at one offset would interleave unpredictably: treat as overlapping.
    if (previous.offset + previous.length > current.offset || (previous.offset === current.offset && previous.length === 0 && current.length === 0)) return true;
  }
  return false;
}

/** The fixes of findings that may be applied unattended (and, when asked, the unsafe ones too). */
export function applicableFixes(findings: readonly Finding[], options: { unsafe?: boolean; rules?: readonly string[] }): Fix[] {
  const fixes: Fix[] = [];
  for (const finding of findings) {
    if (!finding.fix) continue;
    if (options.rules && !options.rules.includes(finding.ruleId)) continue;
    if (finding.fix.safety === "unsafe" && !options.unsafe) continue;
    fixes.push(finding.fix);
  }
  return fixes;
}
