import type { Node as JsonNode } from "jsonc-parser";
import { MAX_NESTING_DEPTH } from "./parse.js";
import { isCredentialKey } from "../credential-text.js";

/** Converts a tree to a plain value; `__proto__` keys become own data properties (no prototype pollution). */
export function valueOfNode(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.type) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const member of node.children ?? []) {
        const key = member.children?.[0]?.value;
        if (typeof key !== "string") continue;
        const value = valueOfNode(member.children?.[1]);
        // Assignment creates the same own data property, except for the one inherited setter.
        if (key === "__proto__") Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
        else result[key] = value;
      }
      return result;
    }
    case "array":
      return (node.children ?? []).map(valueOfNode);
    default:
      return node.value;
  }
}

/**
 * Nesting depth of a JSON.parse result, without recursion. Objects and arrays only are stacked,
 * with their depths alongside: no pair allocated per value.
 */
export function depthOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let deepest = 1;
  const containers: object[] = [value];
  const depths: number[] = [1];
  while (containers.length > 0) {
    const current = containers.pop()!;
    const depth = depths.pop()! + 1;
    const items = Array.isArray(current) ? (current as unknown[]) : Object.values(current);
    for (let index = 0; index < items.length; index++) {
      const item = items[index];
      if (typeof item !== "object" || item === null) continue;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > MAX_NESTING_DEPTH) return deepest;
      }
      containers.push(item);
      depths.push(depth);
    }
  }
  return deepest;
}

/** What one walk over a parsed value tells: its members, and what the text it came from must contain. */
export interface ShapeSummary {
  /** Object members (own enumerable keys of every object, as JSON.parse kept them). */
  members: number;
  /** ':' characters inside its strings, keys and values. */
  colonsInStrings: number;
  /** Whether some key names a username or password (see isCredentialKey). */
  credentialKey: boolean;
}

/** One walk, without recursion, over a JSON.parse result (see {@link ShapeSummary}). */
export function summarizeShape(value: unknown): ShapeSummary {
  let members = 0;
  let colons = 0;
  let credentialKey = false;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === "string") {
      colons += colonsIn(current);
    } else if (Array.isArray(current)) {
      for (const item of current) if (typeof item === "string" || (typeof item === "object" && item !== null)) stack.push(item);
    } else if (typeof current === "object" && current !== null) {
      for (const key in current) {
        members++;
        colons += colonsIn(key);
        if (!credentialKey) credentialKey = isCredentialKey(key);
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === "string" || (typeof item === "object" && item !== null)) stack.push(item);
      }
    }
  }
  return { members, colonsInStrings: colons, credentialKey };
}

function colonsIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(":"); at !== -1; at = text.indexOf(":", at + 1)) count++;
  return count;
}

/**
 * Whether a text that JSON.parse accepted has no duplicate key, proven from a count of its ':'
 * characters, which a native search makes far cheaper than a scan of every string. Without a
 * backslash, every string is written as it reads, so the text's colons are one per written key plus
 * those of its strings, of which the parsed value keeps all but the duplicates' (whose keys are also
 * written keys): colons - colons kept in strings = members kept proves every written key was kept.
 * False when it cannot tell (a backslash, a colon in a dropped duplicate) or the text is large: on a
 * multi-MB text, indexOf from a position gets slow after garbage collection (see countWrittenKeys).
 */
export function provenUniqueKeys(text: string, shape: ShapeSummary, hasBackslash: boolean): boolean {
  if (text.length > 1 << 20 || hasBackslash) return false;
  return colonsIn(text) - shape.colonsInStrings === shape.members;
}

/** Number of object keys written in a text that JSON.parse accepted. */
export function countWrittenKeys(text: string): number {
  let count = 0;
  // One pass of charCodeAt, no indexOf: indexOf from a position on a multi-MB text was fast in a
  // document's first lint but, after the text had survived a full garbage collection, cost time in
  // libc per call (a 100k-key lint went from 0.8 s to 18 s on its 2nd and later runs in one process).
  // No regex either: one over string tokens overflows the stack on a long string full of escapes.
  // A string followed by ":" is a key.
  const length = text.length;
  for (let index = 0; index < length; index++) {
    if (text.charCodeAt(index) !== 34 /* " */) continue;
    for (index++; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code === 92 /* \ */) index++;
      else if (code === 34) break;
    }
    let after = index + 1;
    let code = text.charCodeAt(after);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++after);
    if (code === 58 /* : */) count++;
    index = after - 1;
  }
  return count;
}
