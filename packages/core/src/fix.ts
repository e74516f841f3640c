import type { Finding, Fix, TextEdit } from "./types.js";
import { effectOf, type EditEffect } from "./source/edits/effects.js";

/** Passes of "lint, apply what fits, lint again": fixes can uncover fixable problems, but never loop forever. */
export const MAX_FIX_PASSES = 10;

/**
 * Picks the fixes of one pass and applies them: in order of position, each that neither overlaps
 * the text of one already taken nor touches the same place in the document (see {@link conflicts}).
 * Returns the new text and the fixes applied; the others wait for the next pass, linted afresh.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: Fix[] } {
  const accepted: TextEdit[] = [];
  const applied: Fix[] = [];
  const claimed: string[] = [];
  const sortedFixes = [...fixes].sort((a, b) => firstOffset(a) - firstOffset(b));
  for (const fix of sortedFixes) {
    const candidate = [...accepted, ...fix.edits].sort((a, b) => a.offset - b.offset);
    if (hasOverlap(candidate)) continue;
    const claims = claimsOf(fix);
    if (claims.some((claim) => claimed.some((other) => conflicts(claim, other)))) continue;
    accepted.push(...fix.edits);
    claimed.push(...claims);
    applied.push(fix);
  }
  return { output: applyEdits(text, accepted), applied };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let output = text;
  for (const edit of sorted) output = output.slice(0, edit.offset) + edit.newText + output.slice(edit.offset + edit.length);
  return output;
}

/** What a fix does, as its edit builder said; edits built by hand replace the whole document as far as anyone knows. */
export function effectOfFix(fix: Fix): EditEffect {
  return effectOf(fix.edits) ?? { kind: "replace", pointer: "" };
}

/**
 * The pointers a fix rewrites, creates or removes. A rename or a move claims both ends and the
 * object it creates: two fixes creating `session`, or a rename onto a key a move creates, are
 * never in one pass (each would assume the key is not there yet).
 */
export function claimsOf(fix: Fix): string[] {
  const effect = effectOfFix(fix);
  switch (effect.kind) {
    case "replace":
    case "remove":
      return [effect.pointer];
    case "move":
      return effect.creates === undefined ? [effect.from, effect.to] : [effect.from, effect.to, effect.creates];
    case "layout":
      return [];
  }
}

/** Whether two claimed pointers are the same node or one holds the other. */
export function conflicts(a: string, b: string): boolean {
  return a === b || a.startsWith(b + "/") || b.startsWith(a + "/");
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
