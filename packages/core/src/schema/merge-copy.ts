/**
 * A misspelt copy of an object that is also written correctly (`"sesion"` beside `"session"`): the
 * API ignores the copy, so what it holds is lost unless it goes into the real one. When the two
 * share no key, moving the copy's members in and removing it keeps every value the user wrote.
 */
import type { TextEdit } from "../types.js";
import type { SourceDocument } from "../source/types.js";
import { editsInTurn } from "../source/edits/in-turn.js";
import { escapePointerSegment, isObject } from "../rules/util.js";

/** Each member is moved on the text the previous move left (a parse of it each): bounds keep that cheap. */
const MAX_MERGED_MEMBERS = 20;
const MAX_MERGED_TEXT = 1024 * 1024;

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
  if (text.length > MAX_MERGED_TEXT) return undefined;
  const member = (key: string) => `/${escapePointerSegment(key)}`;
  return editsInTurn(
    text,
    [...keys.map((key) => (source: SourceDocument) => source.moveProperty(fromPointer + member(key), toPointer + member(key))), (source) => source.removeProperty(fromPointer)],
    // As a move of the whole copy: every value under it is now at the same place under the target.
    { kind: "move", from: fromPointer, to: toPointer },
  );
}
