/**
 * A misspelt copy of an object that is also written correctly (`"sesion"` beside `"session"`): the
 * API ignores the copy, so what it holds is lost unless it goes into the real one. When the two
 * share no key, moving the copy's members in and removing it keeps every value the user wrote.
 */
import type { TextEdit } from "../types.js";
import { TextDocumentSource } from "../source/document.js";
import { differingSpan } from "../source/edits/move.js";
import { withEffect } from "../source/edits/effects.js";
import { applyEdits } from "../fix.js";
import { escapePointerSegment, isObject } from "../rules/util.js";

/** Each member is moved on the text the previous move left: a bound keeps that linear in practice. */
const MAX_MERGED_MEMBERS = 20;

/** The keys the copy would bring in, or undefined when the two cannot simply be merged. */
export function mergeableKeys(copy: unknown, target: unknown): string[] | undefined {
  if (!isObject(copy) || !isObject(target)) return undefined;
  const keys = Object.keys(copy);
  if (keys.length === 0 || keys.length > MAX_MERGED_MEMBERS) return undefined;
  if (keys.some((key) => Object.prototype.hasOwnProperty.call(target, key))) return undefined;
  return keys;
}

/**
 * One edit that moves the members `keys` of the object at `fromPointer` into the object at
 * `toPointer` (each as written, re-indented) and removes the emptied copy. Undefined when a step
 * cannot be made (a member is written twice, comments stand where a member would go).
 */
export function mergeInto(text: string, fromPointer: string, toPointer: string, keys: readonly string[]): TextEdit[] | undefined {
  let current = text;
  for (const key of keys) {
    const member = `/${escapePointerSegment(key)}`;
    const edits = new TextDocumentSource(current).moveProperty(fromPointer + member, toPointer + member);
    if (!edits) return undefined;
    current = applyEdits(current, edits);
  }
  const removal = new TextDocumentSource(current).removeProperty(fromPointer);
  if (!removal) return undefined;
  // As a move of the whole copy: every value under it is now at the same place under the target.
  return withEffect([differingSpan(text, applyEdits(current, removal))], { kind: "move", from: fromPointer, to: toPointer });
}
