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

/**
 * The keys the copy would bring in, and those it repeats (the same key with the same value in the
 * target, which removing the copy loses nothing of); undefined when a key is in both with different
 * values (which one is meant is the user's call) or there is nothing to merge.
 */
export function mergeableKeys(copy: unknown, target: unknown): { moved: string[]; repeated: string[] } | undefined {
  if (!isObject(copy) || !isObject(target)) return undefined;
  const keys = Object.keys(copy);
  if (keys.length === 0 || keys.length > MAX_MERGED_MEMBERS) return undefined;
  const moved: string[] = [];
  const repeated: string[] = [];
  for (const key of keys) {
    if (!Object.prototype.hasOwnProperty.call(target, key)) moved.push(key);
    else if (JSON.stringify(copy[key]) === JSON.stringify(target[key])) repeated.push(key);
    else return undefined;
  }
  return { moved, repeated };
}

/**
 * One edit that moves the members `keys` of the object at `fromPointer` into the object at
 * `toPointer` (each as written, re-indented) and removes the copy with what is left in it (members
 * the target repeats). Undefined when a step
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
