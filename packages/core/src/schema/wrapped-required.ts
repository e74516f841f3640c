/**
 * Required properties written one level too deep, inside a key of their own that the API does not
 * know: a custom proxy's `"credentials": {"username": ..., "password": ...}`, a top-level
 * `"batch": {"count": 5}`. One mistake, the extra level: required-property reports it once, at the
 * wrapper, for every required key it holds, and known-property leaves the wrapper alone.
 */
import type { FixProposal, RuleContext } from "../rule.js";
import type { TextEdit } from "../types.js";
import type { SchemaError } from "./schema-errors.js";
import { patternOf } from "./schema-errors.js";
import { docOf } from "./property-info.js";
import { misplacedRequired } from "./moves.js";
import { withEffect } from "../source/edits/effects.js";
import { escapePointerSegment, getAt, isObject, parsePointer } from "../rules/util.js";

export interface WrappedRequired {
  /** The object that lacks the keys (the `required` errors' pointer). */
  parent: string;
  /** The unknown key holding them, and its pointer. */
  key: string;
  pointer: string;
  /** The missing required keys written inside it, in the order of the errors. */
  missing: string[];
  /** Every key inside is one the parent takes and lacks: taking them out loses nothing and adds nothing unknown. */
  lossless: boolean;
}

/** One entry per wrapper, in the order of the unknown keys. */
export function wrappedRequired(root: unknown, errors: readonly SchemaError[]): WrappedRequired[] {
  if (errors.length === 0) return [];
  const missingIn = new Map<string, string[]>();
  for (const error of errors) {
    if (error.keyword !== "required") continue;
    const list = missingIn.get(error.pointer) ?? [];
    list.push(String(error.params.missingProperty));
    missingIn.set(error.pointer, list);
  }
  if (missingIn.size === 0) return [];
  // A key also written where a move puts it is that move's (moves.ts), not the wrapper's.
  const moved = new Set(misplacedRequired(root, errors).map((entry) => `${entry.parent}\u0000${entry.missing}`));
  const found: WrappedRequired[] = [];
  for (const error of errors) {
    if (error.keyword !== "additionalProperties") continue;
    const missing = missingIn.get(error.pointer);
    if (missing === undefined) continue;
    const key = String(error.params.additionalProperty);
    const pointer = `${error.pointer}/${escapePointerSegment(key)}`;
    const value = getAt(root, parsePointer(pointer));
    if (!isObject(value)) continue;
    const inside = missing.filter((name) => Object.prototype.hasOwnProperty.call(value, name) && !moved.has(`${error.pointer}\u0000${name}`));
    // A key the parent lacks, written in two wrappers, is the first one's: one finding per key.
    const taken = new Set(found.filter((entry) => entry.parent === error.pointer).flatMap((entry) => entry.missing));
    const fresh = inside.filter((name) => !taken.has(name));
    if (fresh.length === 0) continue;
    const parentValue = getAt(root, parsePointer(error.pointer));
    const children = docOf(patternOf(root, error.pointer))?.children ?? [];
    const lossless = Object.keys(value).every(
      (child) => children.includes(child) && !(isObject(parentValue) && Object.prototype.hasOwnProperty.call(parentValue, child)),
    );
    found.push({ parent: error.pointer, key, pointer, missing: fresh, lossless });
  }
  return found;
}

/**
 * The wrapper's members written in its place, as the user wrote them: `"credentials": {"username":
 * "u", "password": "p"}` becomes `"username": "u", "password": "p"`. Offered only: the wrapper's
 * name is the user's word, and it goes.
 */
export function unwrapFix(context: RuleContext, entry: WrappedRequired): FixProposal | undefined {
  if (!entry.lossless) return undefined;
  const text = context.source.text;
  const value = context.source.nodeAt(entry.pointer);
  const member = value?.parent;
  const first = value?.children?.[0];
  const last = value?.children?.at(-1);
  let edits: TextEdit[] | undefined;
  if (text !== undefined && member?.type === "property" && first && last) {
    edits = withEffect([{ offset: member.offset, length: member.length, newText: text.slice(first.offset, last.offset + last.length) }], {
      kind: "move",
      from: entry.pointer,
      to: entry.parent,
    });
  }
  return { title: `Take what ${JSON.stringify(entry.key)} holds out of it`, safety: "unsafe", edits };
}
