import type { Node as JsonNode } from "jsonc-parser";
import { MAX_NESTING_DEPTH } from "./parse.js";

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
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
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

/** Counts the object members of a JSON.parse result, without recursion (input may be deeply nested). */
export function countMembers(value: unknown): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (Array.isArray(current)) {
      for (const item of current) if (typeof item === "object" && item !== null) stack.push(item);
    } else if (typeof current === "object" && current !== null) {
      for (const key in current) {
        count++;
        const item = (current as Record<string, unknown>)[key];
        if (typeof item === "object" && item !== null) stack.push(item);
      }
    }
  }
  return count;
}

/** Number of object keys written in a text that JSON.parse accepted. */
export function countWrittenKeys(text: string): number {
  let count = 0;
  // Hop from quote to quote (indexOf is far faster than a regex or a loop over every character,
  // and a regex over string tokens overflows the stack on a long string full of escapes); a quote
  // after an odd run of backslashes is inside the string. A string followed by ":" is a key.
  const escapes = text.includes("\\");
  for (let open = text.indexOf('"'); open !== -1; ) {
    let close = text.indexOf('"', open + 1);
    if (escapes) {
      for (;;) {
        if (close === -1) break;
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
    }
    if (close === -1) break;
    let after = close + 1;
    let code = text.charCodeAt(after);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(++after);
    if (code === 58 /* : */) count++;
    open = text.indexOf('"', after);
  }
  return count;
}
