import type { TextEdit } from "../../types.js";
import { locateNode } from "../../language/locate.js";
import { escapePointerSegment, parsePointer } from "../../rules/util.js";
import type { EditContext } from "./context.js";
import { withEffect } from "./effects.js";

/** Replaces a value by `value` as JSON; the rest of the text stays byte-identical. */
export function replaceValue(doc: EditContext, pointer: string, value: unknown): TextEdit[] | undefined {
  const span = valueSpan(doc, pointer);
  return span ? withEffect([{ ...span, newText: JSON.stringify(value) }], { kind: "replace", pointer }) : undefined;
}

/** Renames the key of an object member; its value stays as written. */
export function renameKey(doc: EditContext, pointer: string, newKey: string): TextEdit[] | undefined {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  let key: { offset: number; length: number } | undefined;
  if (doc.scanning()) {
    const found = locateNode(doc.structure, segments, { unique: doc.unique(), locator: doc.locator() });
    if (!found) return undefined;
    // Not an object member (the root or an array item): the tree's answer below, whatever it is.
    key = found.key;
  }
  if (!key) {
    const node = doc.nodeAt(pointer)?.parent?.children?.[0];
    if (!node || node.type !== "string") return undefined;
    key = { offset: node.offset, length: node.length };
  }
  const to = pointer.slice(0, pointer.lastIndexOf("/") + 1) + escapePointerSegment(newKey);
  return withEffect([{ ...key, newText: JSON.stringify(newKey) }], { kind: "move", from: pointer, to });
}

function valueSpan(doc: EditContext, pointer: string): { offset: number; length: number } | undefined {
  // A fix on strict JSON needs the value's span, not a tree.
  if (doc.scanning()) return locateNode(doc.structure, parsePointer(pointer), { unique: doc.unique(), locator: doc.locator() })?.value;
  const node = doc.nodeAt(pointer);
  return node ? { offset: node.offset, length: node.length } : undefined;
}
