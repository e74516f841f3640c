import { parseTree, findNodeAtLocation } from "jsonc-parser";
import type { TextEdit } from "../../types.js";
import { locateObject } from "../../language/locate.js";
import { escapePointerSegment, getAt, isObject, parsePointer } from "../../rules/util.js";
import type { EditContext } from "./context.js";
import { withEffect } from "./effects.js";
import { objectOfLayout, objectOfNode, type MemberSpan, type ObjectPlace } from "./places.js";
import { findMember, removal } from "./remove.js";
import { factsOf, indentAt, reindent, styleOf, type FileStyle } from "./style.js";

/** The member being moved, as written: its value's text, its line's indentation, its colon. */
interface MovedValue {
  text: string;
  indent: string;
  colon: string;
  /**
   * The text between the key and the value as written, when it holds a comment (before or after
   * the colon): the comment belongs to the member and goes with it, in place of the new key's colon.
   */
  between?: string;
}

/**
 * Moves a member to `toPointer`, creating the missing objects on the way in the file's own style.
 * The value's text is kept as written (`1e400` stays `1e400`, comments inside it stay); nothing
 * but the member and the new text changes. Undefined when the target exists, a non-object is in
 * the way, or the object to insert into holds nothing but comments (where would the member go?).
 */
export function moveProperty(doc: EditContext, fromPointer: string, toPointer: string): TextEdit[] | undefined {
  const from = parsePointer(fromPointer);
  const to = parsePointer(toPointer);
  if (from.length === 0 || to.length === 0 || toPointer === fromPointer || toPointer.startsWith(fromPointer + "/")) return undefined;
  if (getAt(doc.root, from) === undefined || getAt(doc.root, to) !== undefined) return undefined;
  // The deepest object that exists on the way to the target: the new member goes there.
  let depth = 0;
  let holder: unknown = doc.root;
  while (depth < to.length - 1) {
    const next = getAt(holder, [to[depth]!]);
    if (next === undefined) break;
    holder = next;
    depth++;
  }
  if (!isObject(holder)) return undefined;
  const chain = to.slice(depth);
  const source = findMember(doc, fromPointer);
  const target = findObject(doc, to.slice(0, depth));
  if (!source || !target) return undefined;
  const member = source.object.members[source.index]!;
  const between = doc.text.slice(member.keyEnd, member.valueOffset);
  const moved: MovedValue = {
    text: doc.text.slice(member.valueOffset, member.end),
    indent: factsOf(doc).indentAt(member.offset),
    colon: colonOf(doc.text, member) ?? ": ",
    // Only white space, the colon and comments lie between a key and its value.
    ...(between.includes("/") ? { between } : {}),
  };
  const removed = removal(doc, source.object, source.index);
  if (!removed) return undefined;
  const effect = { kind: "move" as const, from: fromPointer, to: toPointer, ...(chain.length > 1 ? { creates: pointerOf(to.slice(0, depth + 1)) } : {}) };
  const inserted = insertion(doc.text, doc.structure, target, chain, moved, factsOf(doc).style);
  if (inserted && !inserted.some((edit) => touches(removed, edit))) return withEffect([...removed, ...inserted], effect);
  // The removal and the insertion meet (the member moves next to where it was): remove first, then
  // insert into the result, and the fix is the one span where the texts differ.
  // The removal lies inside the object the member goes into: the object after it is known without
  // parsing the text again, and the texts differ only inside it, so only its lines are edited and
  // compared. (Parsing and comparing the whole text per move made a misplaced key in each of 2,000
  // integrations take seconds.) With duplicate keys a path names several objects: the text is
  // parsed again to find the one.
  const inside = doc.unique() ? removedInside(target, removed) : undefined;
  if (inside) {
    const start = target.offset;
    const end = start + target.length;
    const local = removed.map((edit) => ({ ...edit, offset: edit.offset - start }));
    const object = applyEdits(doc.text.slice(start, end), local);
    const objectStructure = applyEdits(doc.structure.slice(start, end), local);
    const place: ObjectPlace = {
      offset: 0,
      length: inside.length,
      holderOffset: 0,
      members: inside.members.map((span) => ({ offset: span.offset - start, keyEnd: span.keyEnd - start, valueOffset: span.valueOffset - start, end: span.end - start })),
    };
    const facts = factsOf(doc);
    const second = insertion(object, objectStructure, place, chain, moved, facts.styleWith(start, end, object, objectStructure), facts.indentAt(target.holderOffset));
    if (!second) return undefined;
    const span = differingSpan(doc.text.slice(start, end), applyEdits(object, second));
    return withEffect([{ ...span, offset: span.offset + start }], effect);
  }
  const text = applyEdits(doc.text, removed);
  const structure = applyEdits(doc.structure, removed);
  // (Removals keep comments whole, so the structure of the result is the result with them blanked.)
  const tree = parseTree(structure);
  const node = tree ? findNodeAtLocation(tree, jsonPath(doc.root, to.slice(0, depth))) : undefined;
  const again = node ? objectOfNode(node) : undefined;
  const second = again ? insertion(text, structure, again, chain, moved, styleOf(text, structure)) : undefined;
  return second ? withEffect([differingSpan(doc.text, applyEdits(text, second))], effect) : undefined;
}

/**
 * `object` after `removals` (deletions) strictly inside its braces, with its members shifted; the
 * removed member, when it is one of the object's own, left out. Undefined when a removal reaches
 * outside the object, or a member would not survive whole.
 */
function removedInside(object: ObjectPlace, removals: readonly TextEdit[]): ObjectPlace | undefined {
  const closing = object.offset + object.length - 1;
  if (!removals.every((edit) => edit.newText === "" && edit.offset > object.offset && edit.offset + edit.length <= closing)) return undefined;
  const removedBefore = (offset: number) => removals.reduce((sum, edit) => (edit.offset + edit.length <= offset ? sum + edit.length : sum), 0);
  const cut = (from: number, to: number) => removals.some((edit) => edit.offset < to && from < edit.offset + edit.length);
  const members: MemberSpan[] = [];
  for (const member of object.members) {
    if (cut(member.offset, member.end)) {
      // The member itself is removed, or one inside it: only a whole removal or a nested one keeps the place exact.
      if (removals.some((edit) => edit.offset <= member.offset && member.end <= edit.offset + edit.length)) continue;
      if (cut(member.offset, member.valueOffset + 1) || cut(member.end - 1, member.end)) return undefined;
    }
    const removed = removedBefore(member.offset);
    members.push({ offset: member.offset - removed, keyEnd: member.keyEnd - removed, valueOffset: member.valueOffset - removed, end: member.end - removedBefore(member.end) });
  }
  const total = removals.reduce((sum, edit) => sum + edit.length, 0);
  return { offset: object.offset, length: object.length - total, holderOffset: object.holderOffset, members };
}

function findObject(doc: EditContext, segments: readonly string[]): ObjectPlace | undefined {
  if (doc.scanning() && doc.unique()) {
    const layout = locateObject(doc.structure, segments, { unique: true, locator: doc.locator() });
    return layout ? objectOfLayout(layout) : undefined;
  }
  const node = doc.nodeAt(pointerOf(segments));
  return node ? objectOfNode(node) : undefined;
}

/** The colon of a member with the spaces around it, when only spaces are around it. */
function colonOf(text: string, member: MemberSpan): string | undefined {
  const between = text.slice(member.keyEnd, member.valueOffset);
  return /^[ \t]*:[ \t]*$/.test(between) ? between : undefined;
}

/**
 * The edits inserting `"chain[0]": { "chain[1]": ... value }` at the end of `object`, written like
 * the object's members: on their own lines at their indentation, or on one line with their
 * separator; a filled empty object is multi-line when the file is.
 */
function insertion(
  text: string,
  structure: string,
  object: ObjectPlace,
  chain: readonly string[],
  moved: MovedValue,
  style: FileStyle,
  /** The indentation of the line holding the object's key, when `text` does not start with that line. */
  holderIndent?: string,
): TextEdit[] | undefined {
  const eol = style.eol();
  const members = object.members;
  const colon = (members[0] && colonOf(text, members[0])) ?? moved.colon;
  const last = members[members.length - 1];
  const closing = object.offset + object.length - 1;
  const multiline = last ? text.slice(object.offset, last.offset).includes("\n") : style.hasLineBreak();
  if (!last && /\S/.test(text.slice(object.offset + 1, closing))) return undefined;
  if (multiline) {
    const outer = holderIndent ?? indentAt(text, object.holderOffset);
    const indent = last ? indentAt(text, last.offset) : outer + style.unit();
    const unit = indent.length > outer.length && indent.startsWith(outer) ? indent.slice(outer.length) : style.unit();
    const body = nested(chain, colon, moved, indent, unit, eol);
    if (!last) return [{ offset: object.offset + 1, length: closing - object.offset - 1, newText: `${eol}${indent}${body}${eol}${outer}` }];
    const after = afterLast(text, last.end, closing);
    const at = after.comma ?? last.end;
    // A comment after the last member on its line stays with it: the new member goes after the comment.
    if (after.lineEnd === undefined) return [{ offset: at, length: after.comma === undefined ? 0 : 1, newText: `,${eol}${indent}${body}` }];
    return [
      { offset: at, length: after.comma === undefined ? 0 : 1, newText: "," },
      { offset: after.lineEnd, length: 0, newText: `${eol}${indent}${body}` },
    ];
  }
  // A comment between key and value that runs over lines (a line comment ends its own) would break
  // a one-line object's layout: no move then, and the finding stays for the user to decide.
  if (moved.between !== undefined && /[\r\n]/.test(moved.between)) return undefined;
  const pad = last ? (/\s/.test(text[object.offset + 1] ?? "") ? " " : "") : style.spacedBraces() ? " " : "";
  const body = oneLine(chain, colon, moved, pad);
  if (!last) return [{ offset: object.offset + 1, length: closing - object.offset - 1, newText: `${pad}${body}${pad}` }];
  const comma = afterLast(text, last.end, closing).comma;
  const previous = members[members.length - 2];
  const separator = (previous && /^[ \t]*,[ \t]*$/.test(text.slice(previous.end, last.offset)) ? text.slice(previous.end, last.offset).trimStart() : undefined) ?? (colon.endsWith(" ") ? ", " : ",");
  // A trailing comma becomes the separator (strict-json's fix of it is kept out of this pass).
  return [{ offset: comma ?? last.end, length: comma === undefined ? 0 : 1, newText: `${separator}${body}` }];
}

/**
 * What follows the last member up to the closing brace: a trailing comma, if any, and the end of
 * the line when comments follow the member on it (the new member goes after them).
 */
function afterLast(text: string, end: number, closing: number): { comma: number | undefined; lineEnd: number | undefined } {
  let comma: number | undefined;
  let commentOnLine = false;
  let at = end;
  while (at < closing) {
    const code = text.charCodeAt(at);
    if (code === 10 || code === 13) break;
    if (code === 32 || code === 9) at++;
    else if (code === 44 /* , */) comma = at++;
    else if (text.startsWith("//", at)) {
      commentOnLine = true;
      while (at < closing && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
    } else if (text.startsWith("/*", at)) {
      const close = text.indexOf("*/", at + 2);
      const stop = close < 0 || close > closing ? closing : close + 2;
      // A block comment running over lines ends the line: the new member goes before it.
      if (/[\r\n]/.test(text.slice(at, stop))) break;
      commentOnLine = true;
      at = stop;
    } else break;
  }
  // A trailing comma on a later line stays a trailing comma after the new member: still JSONC.
  return { comma, lineEnd: commentOnLine ? at : undefined };
}

function nested(chain: readonly string[], colon: string, moved: MovedValue, indent: string, unit: string, eol: string): string {
  const [key, ...rest] = chain;
  if (rest.length === 0) return `${JSON.stringify(key)}${reindent((moved.between ?? colon) + moved.text, moved.indent, indent, eol)}`;
  return `${JSON.stringify(key)}${colon}{${eol}${indent}${unit}${nested(rest, colon, moved, indent + unit, unit, eol)}${eol}${indent}}`;
}

function oneLine(chain: readonly string[], colon: string, moved: MovedValue, pad: string): string {
  const [key, ...rest] = chain;
  if (rest.length === 0) return `${JSON.stringify(key)}${moved.between ?? colon}${moved.text}`;
  return `${JSON.stringify(key)}${colon}{${pad}${oneLine(rest, colon, moved, pad)}${pad}}`;
}

/** Whether edits overlap or touch: an insertion right where a removal ends may assume text that is gone. */
function touches(edits: readonly TextEdit[], edit: TextEdit): boolean {
  return edits.some((other) => other.offset <= edit.offset + edit.length && edit.offset <= other.offset + other.length);
}

function pointerOf(segments: readonly string[]): string {
  return segments.map((segment) => "/" + escapePointerSegment(segment)).join("");
}

/** A pointer's segments as jsonc-parser's paths have them: array indices as numbers. */
function jsonPath(root: unknown, segments: readonly string[]): (string | number)[] {
  let current = root;
  return segments.map((segment) => {
    const inArray = Array.isArray(current);
    current = getAt(current, [segment]);
    return inArray ? Number(segment) : segment;
  });
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let output = text;
  for (const edit of [...edits].sort((a, b) => b.offset - a.offset)) output = output.slice(0, edit.offset) + edit.newText + output.slice(edit.offset + edit.length);
  return output;
}

/** The single edit that turns `before` into `after`: everything between their common prefix and suffix. */
export function differingSpan(before: string, after: string): TextEdit {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  return { offset: prefix, length: before.length - prefix - suffix, newText: after.slice(prefix, after.length - suffix) };
}
