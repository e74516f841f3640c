import type { JSONPath, Node as JsonNode } from "jsonc-parser";
import { propertyDocs, type PropertyDoc } from "../generated/property-docs.js";
import { anchorProxyTypes, countryCodesByProxyType, defaultProxyType } from "../generated/countries.js";
import { parseText } from "../source/parse.js";
import { lastMember, type Member } from "./members.js";

const docs = propertyDocs as unknown as Readonly<Record<string, PropertyDoc>>;
const codesByType = countryCodesByProxyType as unknown as Readonly<Record<string, readonly string[]>>;
const anchorTypes = anchorProxyTypes as readonly string[];

export const PROXY = "/configuration/session/proxy";
export const COUNTRY_CODE = `${PROXY}/country_code`;
export const SECRET_ITEM = "/configuration/integrations/*/configuration/secrets/*";
export const INTEGRATION_ITEM = "/configuration/integrations/*";

// The generated table has no entry for the document itself; its children are the top-level keys.
const rootDoc: PropertyDoc = {
  description: "A batch-session request (`POST /v1/batch-sessions`).",
  type: "object",
  children: Object.keys(docs).filter((pattern) => pattern.lastIndexOf("/") === 0).map((pattern) => pattern.slice(1)),
};

export function docAt(pattern: string): PropertyDoc | undefined {
  if (pattern === "") return rootDoc;
  return Object.prototype.hasOwnProperty.call(docs, pattern) ? docs[pattern] : undefined;
}

/**
 * The table pattern of a document path: known keys by name, array items and map entries as `*`.
 * Undefined below unknown keys and inside free-form objects such as `metadata`.
 */
export function patternOf(path: JSONPath): string | undefined {
  let pattern = "";
  for (const segment of path) {
    const named = typeof segment === "string" && !segment.includes("~") && !segment.includes("/") ? `${pattern}/${segment}` : undefined;
    if (named !== undefined && docAt(named)) pattern = named;
    else if (docAt(`${pattern}/*`)) pattern = `${pattern}/*`;
    else return undefined;
  }
  return pattern;
}

/** Key order for sorting: required keys first, then the spec's order. */
export function childrenOf(pattern: string): readonly string[] {
  return docAt(pattern)?.children ?? [];
}

interface Parsed {
  text: string;
  tree: JsonNode | undefined;
  tooDeep: boolean;
}

let last: Parsed | undefined;

/** The tree of a text, cached for the last text: an editor asks completion, hover and symbols of one version in a row. */
export function treeOf(text: string): Parsed {
  if (last && last.text === text) return last;
  const { tree, problems } = parseText(text);
  last = { text, tree, tooDeep: problems.some((problem) => problem.kind === "too-deep") };
  return last;
}

/** The proxy's type as written: absent means `anchor_proxy`; a non-string is unknown. */
export function proxyTypeOf(members: readonly Member[] | undefined): string | undefined {
  const type = lastMember(members, "type");
  if (!type || type.valueKind === undefined) return defaultProxyType;
  return type.value;
}

export function isAnchorType(type: string | undefined): boolean {
  return type !== undefined && anchorTypes.includes(type);
}

export function countryCodesFor(type: string): readonly string[] {
  return Object.prototype.hasOwnProperty.call(codesByType, type) ? codesByType[type]! : [];
}

/** Every code some Anchor type offers, sorted. */
export function allCountryCodes(): readonly string[] {
  return [...new Set(anchorTypes.flatMap((type) => countryCodesFor(type)))].sort();
}

export function typesOffering(code: string): string[] {
  return anchorTypes.filter((type) => countryCodesFor(type).includes(code));
}

export { anchorTypes };

/** English name of an ISO 3166-1 alpha-2 code, or undefined (the one implementation, shared with the rules). */
export { regionName as countryName } from "../country-names.js";

/** The spec links to its own site with relative paths; outside it they must be absolute. */
export function absoluteLinks(markdown: string): string {
  return markdown.replace(/\]\(\//g, "](https://docs.anchorbrowser.io/");
}

/** Markdown for a property: its description, type, default and allowed values. */
export function propertyMarkdown(doc: PropertyDoc, options: { allowed?: readonly string[] } = {}): string {
  const parts: string[] = [];
  if (doc.description) parts.push(absoluteLinks(doc.description));
  const facts: string[] = [`Type: \`${doc.type}\``];
  if (doc.required) facts.push("required");
  if (doc.default !== undefined) facts.push(`Default: \`${JSON.stringify(doc.default)}\``);
  parts.push(facts.join(" · "));
  const allowed = options.allowed ?? doc.enum;
  if (allowed && allowed.length > 0) parts.push(`Allowed values: ${allowed.map((value) => `\`${value}\``).join(", ")}`);
  return parts.join("\n\n");
}
