import type { Finding, Fix, TextEdit } from "./types.js";
import { effectOf, type EditEffect } from "./source/edits/effects.js";

/** Passes of "lint, apply what fits, lint again": fixes can uncover fixable problems, but never loop forever. */
export const MAX_FIX_PASSES = 10;

/**
 * Picks the fixes of one pass and applies them: in order of position, each that neither overlaps
 * the text of one already taken nor touches the same place in the document (see {@link conflicts}).
 * A fix that would create an object another fix moves or renames into place comes after it: a
 * move that would create `session` waits for the rename of `sesion` to `session`, wherever the two
 * keys are written, and then moves into the renamed object (the other way round, the renamed key
 * would be a duplicate and stay ignored).
 * Returns the new text and the fixes applied; the others wait for the next pass, linted afresh.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { output: string; applied: Fix[] } {
  const accepted = new Spans();
  const applied: Fix[] = [];
  const claims = new Claims();
  const targets = new Set<string>();
  for (const fix of fixes) {
    const effect = effectOfFix(fix);
    if (effect.kind === "move") targets.add(effect.to);
  }
  const sortedFixes = fixes
    .map((fix) => ({ fix, waits: createsTarget(fix, targets), offset: firstOffset(fix) }))
    .sort((a, b) => Number(a.waits) - Number(b.waits) || a.offset - b.offset)
    .map(({ fix }) => fix);
  // Removals of the repeats of one key claim the same pointer, and each removes a different
  // member, never the one that wins: they go together (a key repeated 20 times is one pass, not 19).
  const removing = new Set<string>();
  for (const fix of sortedFixes) {
    if (!accepted.free(fix.edits)) continue;
    const effect = effectOfFix(fix);
    const alongside = effect.kind === "remove" && removing.has(effect.pointer);
    const own = claimsOf(fix);
    if (!alongside && !claims.free(own)) continue;
    accepted.add(fix.edits);
    claims.add(own);
    if (effect.kind === "remove") removing.add(effect.pointer);
    applied.push(fix);
  }
  return { output: applyEdits(text, accepted.edits), applied };
}

/** Accepted edits in order of offset, checked by binary search: a pass may hold thousands of fixes. */
class Spans {
  readonly edits: TextEdit[] = [];

  /** Whether none of `edits` overlaps an accepted one, nor one another. */
  free(edits: readonly TextEdit[]): boolean {
    const sorted = [...edits].sort((a, b) => a.offset - b.offset);
    if (hasOverlap(sorted)) return false;
    return sorted.every((edit) => {
      const index = this.insertionPoint(edit.offset);
      const before = this.edits[index - 1];
      const after = this.edits[index];
      return (!before || !hasOverlap([before, edit])) && (!after || !hasOverlap([edit, after]));
    });
  }

  add(edits: readonly TextEdit[]): void {
    for (const edit of edits) this.edits.splice(this.insertionPoint(edit.offset), 0, edit);
  }

  /** The index of the first accepted edit starting after `offset` (edits at `offset` come before). */
  private insertionPoint(offset: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.edits[middle]!.offset <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Claimed pointers, and every pointer above one: a conflict check costs the pointer's depth. */
class Claims {
  private readonly claimed = new Set<string>();
  private readonly above = new Set<string>();

  free(pointers: readonly string[]): boolean {
    return pointers.every((pointer) => !this.above.has(pointer) && !prefixesOf(pointer).some((prefix) => this.claimed.has(prefix)));
  }

  add(pointers: readonly string[]): void {
    for (const pointer of pointers) {
      this.claimed.add(pointer);
      for (const prefix of prefixesOf(pointer)) if (prefix !== pointer) this.above.add(prefix);
    }
  }
}

/** The pointer and every pointer above it, the root ("") included. */
export function prefixesOf(pointer: string): string[] {
  const prefixes = [""];
  for (let index = pointer.indexOf("/", 1); index !== -1; index = pointer.indexOf("/", index + 1)) prefixes.push(pointer.slice(0, index));
  if (pointer !== "") prefixes.push(pointer);
  return prefixes;
}

/** The text with non-overlapping edits applied, in one pass over it (thousands of edits are fine). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  // A stable sort keeps edits at one offset in the order given, as applying them from the end did.
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let copied = 0;
  for (let index = 0; index < sorted.length; index++) {
    // Edits at one offset were applied last-first from the end: the later one's text comes first.
    let end = index;
    while (end + 1 < sorted.length && sorted[end + 1]!.offset === sorted[index]!.offset) end++;
    const offset = sorted[index]!.offset;
    parts.push(text.slice(copied, offset));
    let length = 0;
    for (let at = end; at >= index; at--) {
      parts.push(sorted[at]!.newText);
      length = Math.max(length, sorted[at]!.length);
    }
    copied = Math.max(copied, offset + length);
    index = end;
  }
  parts.push(text.slice(copied));
  return parts.join("");
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

/** Whether the fix would create an object (or one above it) that some fix's move or rename puts there. */
function createsTarget(fix: Fix, targets: ReadonlySet<string>): boolean {
  const effect = effectOfFix(fix);
  return effect.kind === "move" && effect.creates !== undefined && prefixesOf(effect.creates).some((pointer) => targets.has(pointer));
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
