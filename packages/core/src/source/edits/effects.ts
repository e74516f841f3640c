import type { TextEdit } from "../../types.js";

/**
 * What a fix's edits do to the document's values, in pointers: the fix engine uses it to keep fixes
 * that touch the same place out of one pass, and to check that a pass lost nothing the user wrote.
 * - `replace`: the value at `pointer` is replaced (its old text may go).
 * - `move`: the value at `from` is now at `to`, text as written (a rename is a move to a sibling);
 *   `creates` is the first object the move had to create on the way, if any; `rewritten` when the
 *   value is changed on the way too (a rename that also fixes the value's case), so its old text may go.
 * - `remove`: a member at `pointer` is removed that repeats another (an exact duplicate).
 * - `layout`: only text between values changes (a trailing comma, a byte order mark, a comment).
 */
export type EditEffect =
  | { kind: "replace"; pointer: string }
  | { kind: "move"; from: string; to: string; creates?: string; rewritten?: true }
  | { kind: "remove"; pointer: string }
  | { kind: "layout" };

// Keyed by the edits array a builder returned: rules pass it on unchanged, so no rule has to say
// what its fix does, and the public Fix type stays plain data.
const effects = new WeakMap<readonly TextEdit[], EditEffect>();

/** Records what `edits` do and returns them. */
export function withEffect<T extends TextEdit[] | undefined>(edits: T, effect: EditEffect): T {
  if (edits) effects.set(edits, effect);
  return edits;
}

/** Edits that only change text between values (for rules that build edits by hand). */
export function layoutEdits(edits: TextEdit[]): TextEdit[] {
  return withEffect(edits, { kind: "layout" });
}

/** What the edits do, when a builder said so. */
export function effectOf(edits: readonly TextEdit[]): EditEffect | undefined {
  return effects.get(edits);
}
