import type { Node as JsonNode } from "jsonc-parser";
import type { TextEdit } from "../../types.js";
import { locateObject } from "../../language/locate.js";
import { parsePointer } from "../../rules/util.js";
import type { EditContext } from "./context.js";
import { withEffect } from "./effects.js";
import { factsOf } from "./style.js";
import { indexOfMember, lastIndexOfName, objectOfLayout, objectOfNode, type ObjectPlace } from "./places.js";

/**
 * Removes one member with its comma, keeping comments around it and the layout of its neighbours.
 * `memberNode` picks one of several duplicate members (a tree is needed then).
 */
export function removeProperty(doc: EditContext, pointer: string, memberNode?: JsonNode): TextEdit[] | undefined {
  const place = memberNode ? placeOfMember(memberNode) : findMember(doc, pointer);
  return place ? withEffect(removal(doc, place.object, place.index), { kind: "remove", pointer }) : undefined;
}

/** The object holding the member at a pointer, and the member's index (the last of duplicates). */
export function findMember(doc: EditContext, pointer: string): { object: ObjectPlace; index: number } | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  if (doc.scanning() && doc.unique()) {
    // Strict JSON with unique keys: the member and its neighbours are found without a tree.
    const layout = locateObject(doc.structure, segments.slice(0, -1), { unique: true, locator: doc.locator() });
    const index = layout ? lastIndexOfName(layout, segments[segments.length - 1]!) : -1;
    return index >= 0 ? { object: objectOfLayout(layout!), index } : undefined;
  }
  const member = doc.nodeAt(pointer)?.parent;
  return member ? placeOfMember(member) : undefined;
}

function placeOfMember(member: JsonNode): { object: ObjectPlace; index: number } | undefined {
  const parent = member.parent;
  if (member.type !== "property" || !parent) return undefined;
  const object = objectOfNode(parent);
  const index = indexOfMember(parent, member);
  return object && index >= 0 ? { object, index } : undefined;
}

/**
 * The edits removing member `index` of `object`: a member followed by another takes its comma and
 * the whitespace up to the next token; the last member gives up the comma before it and its own
 * line; an only member leaves `{}` behind (its line only, when comments in the object stay).
 */
export function removal(doc: Pick<EditContext, "text" | "structure" | "blanked">, object: ObjectPlace, index: number): TextEdit[] | undefined {
  const { text, structure } = doc;
  const member = object.members[index]!;
  const { offset, end } = member;
  const next = object.members[index + 1];
  const previous = object.members[index - 1];
  if (next) {
    const comma = structure.indexOf(",", end);
    let stop = comma < 0 || comma > next.offset ? end : comma + 1;
    while (stop < next.offset && /\s/.test(text[stop]!)) stop++;
    // A comment between the value and its comma stays: the member and the comma go separately.
    if (comma > end && /\S/.test(text.slice(end, comma))) return [{ offset, length: end - offset, newText: "" }, { offset: comma, length: stop - comma, newText: "" }];
    return [{ offset, length: stop - offset, newText: "" }];
  }
  if (previous) {
    const comma = structure.indexOf(",", previous.end);
    if (comma < 0 || comma > offset) return undefined;
    const lineStart = factsOf(doc).lineStart(offset);
    const start = lineStart > comma && /^\s*$/.test(text.slice(lineStart, offset)) ? lineStart - (text[lineStart - 2] === "\r" ? 2 : 1) : offset;
    return [
      { offset: comma, length: 1, newText: "" },
      { offset: start, length: end - start, newText: "" },
    ];
  }
  const inner = text.slice(object.offset + 1, object.offset + object.length - 1);
  // Comments are blanked out in the structure; text with syntax errors has none blanked, so look.
  const commented = doc.blanked ? structure.slice(object.offset + 1, object.offset + object.length - 1) !== inner : inner.includes("//") || inner.includes("/*");
  if (!commented) {
    return [{ offset: object.offset + 1, length: inner.length, newText: "" }];
  }
  // Comments stay; the member's line goes when it held nothing else.
  const lineStart = factsOf(doc).lineStart(offset);
  let lineEnd = end;
  while (text[lineEnd] === " " || text[lineEnd] === "\t") lineEnd++;
  const ownLine = lineStart > object.offset && /^[ \t]*$/.test(text.slice(lineStart, offset)) && (text[lineEnd] === "\n" || text[lineEnd] === "\r");
  if (!ownLine) return [{ offset, length: end - offset, newText: "" }];
  const breakLength = text[lineEnd] === "\r" && text[lineEnd + 1] === "\n" ? 2 : 1;
  return [{ offset: lineStart, length: lineEnd + breakLength - lineStart, newText: "" }];
}

/**
 * Deletes an array element together with the separator before it; the element is never the first.
 * `length` is the length of the parsed array: a broken array (syntax errors) that does not line up
 * with it gets no edit rather than a wrong one.
 */
export function removeElement(doc: EditContext, pointer: string, index: number, length: number): TextEdit[] | undefined {
  let elements: readonly { offset: number; length: number }[] | undefined;
  // Strict JSON: the elements' spans by scanning, no tree for one array.
  if (doc.scanning()) elements = doc.locator().elements(parsePointer(pointer), doc.unique());
  else {
    const array = doc.nodeAt(pointer);
    elements = array?.type === "array" ? array.children : undefined;
  }
  if (!elements || elements.length !== length || index < 1) return undefined;
  const previous = elements[index - 1]!;
  const element = elements[index]!;
  const start = previous.offset + previous.length;
  return [{ offset: start, length: element.offset + element.length - start, newText: "" }];
}
