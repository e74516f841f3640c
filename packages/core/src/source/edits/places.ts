import type { Node as JsonNode } from "jsonc-parser";
import type { ObjectLayout } from "../../language/locate.js";

/** A member as written: its key, where its value starts, where it ends. */
export interface MemberSpan {
  /** The key's opening quote. */
  offset: number;
  keyEnd: number;
  valueOffset: number;
  /** After the value. */
  end: number;
}

/** An object to edit: its braces, its members in order, and where the key holding it starts (indentation). */
export interface ObjectPlace {
  /** `{` at offset, `}` at offset + length - 1. */
  offset: number;
  length: number;
  holderOffset: number;
  members: MemberSpan[];
}

export function objectOfLayout(layout: ObjectLayout): ObjectPlace {
  return {
    offset: layout.offset,
    length: layout.length,
    holderOffset: layout.key?.offset ?? layout.offset,
    members: layout.members.map((member) => ({
      offset: member.key.offset,
      keyEnd: member.key.offset + member.key.length,
      valueOffset: member.value.offset,
      end: member.value.offset + member.value.length,
    })),
  };
}

// Places of tree nodes, kept with the tree: one fix per member of a large object (duplicates
// removed one by one) must not list the object's members once per fix. Places are never changed.
const placesOfNodes = new WeakMap<JsonNode, ObjectPlace | undefined>();
const memberIndexes = new WeakMap<JsonNode, Map<JsonNode, number>>();

/** The place of an object node; undefined for anything else or a member without a value (broken text). */
export function objectOfNode(node: JsonNode): ObjectPlace | undefined {
  if (placesOfNodes.has(node)) return placesOfNodes.get(node);
  const place = computeObjectOfNode(node);
  placesOfNodes.set(node, place);
  return place;
}

/** The index of a property node among its object's members (-1 when it is not one of them). */
export function indexOfMember(object: JsonNode, member: JsonNode): number {
  const members = object.children ?? [];
  if (members.length <= 16) return members.indexOf(member);
  let index = memberIndexes.get(object);
  if (!index) {
    index = new Map(members.map((sibling, position) => [sibling, position]));
    memberIndexes.set(object, index);
  }
  return index.get(member) ?? -1;
}

function computeObjectOfNode(node: JsonNode): ObjectPlace | undefined {
  if (node.type !== "object") return undefined;
  const members: MemberSpan[] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) return undefined;
    members.push({ offset: key.offset, keyEnd: key.offset + key.length, valueOffset: value.offset, end: value.offset + value.length });
  }
  // An object in an array is indented by its own line, not by the array's key.
  return { offset: node.offset, length: node.length, holderOffset: node.parent?.type === "property" ? node.parent.offset : node.offset, members };
}

export function lastIndexOfName(layout: ObjectLayout, name: string): number {
  for (let index = layout.members.length - 1; index >= 0; index--) if (layout.members[index]!.name === name) return index;
  return -1;
}
