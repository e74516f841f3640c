import { getNodeValue, type Node as JsonNode } from "jsonc-parser";
import { escapeControls } from "../display.js";
import { findCredentials, isCredentialPointer, MASK, NO_CREDENTIALS, redactText, type Credentials } from "../secrets.js";
import { treeOf } from "./data.js";
import type { DocumentSymbol, SymbolKindName } from "./types.js";

/**
 * The outline: one symbol per property and array item, nested. Breadth-first up to `limit`
 * symbols (default 5,000) so that a huge `metadata` object keeps the top levels visible.
 */
export function documentSymbols(text: string, options: { limit?: number } = {}): DocumentSymbol[] {
  const limit = options.limit ?? 5000;
  const root = treeOf(text).tree;
  if (!root || (root.type !== "object" && root.type !== "array")) return [];
  // Names and details are file text shown in the editor: credentials masked, controls escaped.
  const credentials = findCredentials(getNodeValue(root));
  const top: DocumentSymbol[] = [];
  const queue: { node: JsonNode; into: DocumentSymbol[] }[] = [{ node: root, into: top }];
  let count = 0;
  for (let head = 0; head < queue.length && count < limit; head++) {
    const { node, into } = queue[head]!;
    for (const [index, child] of (node.children ?? []).entries()) {
      if (count >= limit) break;
      const symbol = node.type === "object" ? propertySymbol(child, credentials) : itemSymbol(child, index, credentials);
      if (!symbol) continue;
      count++;
      into.push(symbol);
      const value = node.type === "object" ? child.children?.[1] : child;
      if (value && (value.type === "object" || value.type === "array")) queue.push({ node: value, into: symbol.children });
    }
  }
  return top;
}

function shown(text: string, credentials: Credentials): string {
  if (credentials !== NO_CREDENTIALS && credentials.values.includes(text)) return MASK;
  return escapeControls(redactText(text, credentials));
}

function propertySymbol(property: JsonNode, credentials: Credentials): DocumentSymbol | undefined {
  const key = property.children?.[0];
  if (property.type !== "property" || !key) return undefined;
  const value = property.children?.[1];
  return {
    name: shown(String(key.value), credentials) || '""',
    // Credentials never leave the document, not even into the outline.
    ...(isCredentialPointer(`/${String(key.value)}`) ? {} : detailOf(value, credentials)),
    kind: kindOf(value),
    offset: property.offset,
    length: property.length,
    selectionOffset: key.offset,
    selectionLength: key.length,
    children: [],
  };
}

function itemSymbol(item: JsonNode, index: number, credentials: Credentials): DocumentSymbol {
  return {
    name: String(index),
    ...detailOf(item, credentials),
    kind: kindOf(item),
    offset: item.offset,
    length: item.length,
    selectionOffset: item.offset,
    selectionLength: item.length,
    children: [],
  };
}

function kindOf(node: JsonNode | undefined): SymbolKindName {
  if (!node) return "null";
  return node.type === "property" ? "object" : node.type;
}

/** Scalars show their value; objects with an `id` or `type` (integrations, identities) show them. */
function detailOf(node: JsonNode | undefined, credentials: Credentials): { detail?: string } {
  if (!node) return {};
  if (node.type === "string" || node.type === "number" || node.type === "boolean") return { detail: shown(String(node.value), credentials) };
  if (node.type === "null") return { detail: "null" };
  if (node.type === "object") {
    const parts: string[] = [];
    for (const name of ["type", "id"]) {
      const value = node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1];
      if (value?.type === "string") parts.push(String(value.value));
    }
    if (parts.length > 0) return { detail: parts.map((part) => shown(part, credentials)).join(" ") };
  }
  return {};
}
