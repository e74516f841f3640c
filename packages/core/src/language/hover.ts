import { findNodeAtOffset, type JSONPath, type Node as JsonNode } from "jsonc-parser";
import type { HoverInfo } from "./types.js";
import {
  COUNTRY_CODE,
  countryName,
  docAt,
  nodeAt,
  patternOf,
  propertyMarkdown,
  proxyTypeOf,
  treeOf,
  typesOffering,
} from "./data.js";

/**
 * Hover text at `offset`: on a key or a scalar value, the property's description, type, default
 * and allowed values; on a country code, the country's name and which proxy types offer it.
 * Undefined on unknown keys and inside free-form objects (`metadata`).
 */
export function hover(text: string, offset: number): HoverInfo | undefined {
  try {
    return hoverAt(text, offset);
  } catch {
    return undefined;
  }
}

function hoverAt(text: string, offset: number): HoverInfo | undefined {
  const { tree, tooDeep } = treeOf(text);
  if (!tree || tooDeep) return undefined;
  const node = findNodeAtOffset(tree, offset, true);
  if (!node || node.type === "object" || node.type === "array" || node.type === "property") return undefined;
  const parent = node.parent;
  const onKey = parent?.type === "property" && parent.children?.[0] === node;
  const path = pathOf(onKey ? parent : node);
  const pattern = patternOf(path);
  if (pattern === undefined) return undefined;
  const doc = docAt(pattern);
  if (!doc) return undefined;
  const span = { offset: node.offset, length: node.length };

  if (!onKey && pattern === COUNTRY_CODE && node.type === "string") {
    return { markdown: countryMarkdown(String(node.value), proxyTypeOf(nodeAt(tree, path.slice(0, -1)))), ...span };
  }
  let markdown = propertyMarkdown(doc);
  if (!onKey && doc.enum && node.type === "string") {
    const description = (doc.enumDescriptions as Record<string, string> | undefined)?.[String(node.value)];
    if (description) markdown = `\`${String(node.value)}\`: ${description}\n\n${markdown}`;
  }
  return { markdown, ...span };
}

function countryMarkdown(code: string, type: string | undefined): string {
  const name = countryName(code.toLowerCase());
  const offeredBy = typesOffering(code);
  const lines = [name ? `**${name}** (\`${code}\`)` : `\`${code}\``];
  if (offeredBy.length === 0) lines.push("No Anchor proxy type offers this code.");
  else lines.push(`Offered by: ${offeredBy.map((t) => `\`${t}\``).join(", ")}`);
  if (type && offeredBy.length > 0 && !offeredBy.includes(type) && type !== "custom") {
    lines.push(`Not offered by this proxy's type \`${type}\`.`);
  }
  return lines.join("\n\n");
}

/** The document path of a node: keys of enclosing properties, indexes of enclosing arrays. */
function pathOf(start: JsonNode): JSONPath {
  const path: JSONPath = [];
  let node: JsonNode | undefined = start;
  while (node?.parent) {
    const parent: JsonNode = node.parent;
    if (node.type === "property") path.unshift(String(node.children?.[0]?.value ?? ""));
    else if (parent.type === "array") path.unshift(parent.children?.indexOf(node) ?? 0);
    node = parent;
  }
  return path;
}
