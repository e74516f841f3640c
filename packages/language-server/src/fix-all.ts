import { fix, lint, showsCredential, type LintConfig, type TextEdit } from "@anchor-lint/core";
import { minimalEdit } from "./convert.js";

/**
 * The edits of "fix all": one edit from the first to the last change, unless it would carry a
 * credential (a moved proxy, or a proxy between two fixes); then the fixes of the current findings
 * that fit together, as separate edits, none of which carries one (the core drops those).
 * Plain text in, plain edits out: the lint thread runs it for large documents.
 */
export function fixAllEdits(text: string, config: LintConfig | undefined): TextEdit[] {
  const result = fix(text, { config });
  if (!result.changed) return [];
  const whole = minimalEdit(text, result.output);
  if (!showsCredential(text, whole.newText)) return [whole];
  const accepted: TextEdit[] = [];
  const taken = new Spans();
  for (const finding of lint(text, { config })) {
    if (finding.fix?.safety !== "safe") continue;
    const spans = finding.fix.edits.map(spanOf);
    if (spans.some((span) => taken.overlaps(span))) continue;
    for (const span of spans) taken.add(span);
    accepted.push(...finding.fix.edits);
  }
  return accepted;
}

/** What an edit occupies: an insertion counts as one character, so two at one place conflict. */
function spanOf(edit: TextEdit): [number, number] {
  return [edit.offset, edit.offset + Math.max(edit.length, 1)];
}

/**
 * Spans taken so far, merged where they touch one another and kept in order: a fix is checked
 * against its two neighbours, not against every edit taken (thousands of fixes once took seconds).
 */
class Spans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  overlaps([start, end]: [number, number]): boolean {
    const index = this.after(start);
    return (index > 0 && this.ends[index - 1]! > start) || (index < this.starts.length && this.starts[index]! < end);
  }

  add([start, end]: [number, number]): void {
    let from = this.after(start);
    if (from > 0 && this.ends[from - 1]! > start) from--;
    let to = from;
    while (to < this.starts.length && this.starts[to]! < end) to++;
    const merged: [number, number] = to > from ? [Math.min(start, this.starts[from]!), Math.max(end, this.ends[to - 1]!)] : [start, end];
    this.starts.splice(from, to - from, merged[0]);
    this.ends.splice(from, to - from, merged[1]);
  }

  /** The index of the first span starting after `offset`. */
  private after(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.starts[middle]! <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
