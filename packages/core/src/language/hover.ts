import { getLocation, type JSONPath } from "jsonc-parser";
import type { HoverInfo } from "./types.js";
import { escapeControls } from "../display.js";
import { alpha2OfAlpha3, readTwoPartCode } from "../country-names.js";
import { findCredentials, MASK, redactText, type Credentials } from "../secrets.js";
import { TextDocumentSource } from "../source/document.js";
import { COUNTRY_CODE, countryName, docAt, patternOf, propertyMarkdown, proxyTypeOf, typesOffering } from "./data.js";
import { objectMembers, type Member } from "./members.js";
import { skeletonsBefore } from "./skeleton.js";

/**
 * Hover text at `offset`: on a key or a scalar value, the property's description, type, default
 * and allowed values; on a country code, the country's name and which proxy types offer it.
 * Undefined on unknown keys and inside free-form objects (`metadata`).
 */
export function hover(text: string, offset: number): HoverInfo | undefined {
  return hoverWith(text, offset);
}

/** `hover`, with the size above which closed containers before the cursor are skipped (tests set 0). */
export function hoverWith(text: string, offset: number, skeletonMinLength?: number): HoverInfo | undefined {
  try {
    // The innermost object's members are read only for a country code (the proxy's type).
    const { located, scanned } = skeletonsBefore(text, offset, skeletonMinLength);
    const shown = quoting(text);
    const found = hoverAt(located.text, offset - located.delta, (path) => objectMembers(scanned().text, path), shown.quote);
    return found && { markdown: shown.finish(found.markdown), offset: found.offset + located.delta, length: found.length };
  } catch {
    // Hover is a convenience: an odd document (nesting deep enough to exhaust the stack) gets none.
    return undefined;
  }
}

/** Puts the file's text into a hover's markdown: as a code span, credentials masked and controls escaped. */
type Quote = (value: string) => string;

/**
 * How a hover quotes the file's text (a country code, an enum value, the proxy's type): with
 * credentials masked and controls escaped. Only the quoted text is escaped: the markdown's own line
 * breaks must reach the reader as line breaks. Only a hover that quotes something searches the whole
 * document for credentials: most hovers quote none.
 */
function quoting(text: string): { quote: Quote; finish: (markdown: string) => string } {
  let credentials: Credentials | undefined;
  return {
    quote(value) {
      credentials ??= findCredentials(new TextDocumentSource(text).root);
      // Masked before escaping: the credential forms are matched as the file holds them.
      return codeSpan(escapeControls(credentials.values.includes(value) ? MASK : redactText(value, credentials)));
    },
    // A credential could still be spelled across a quote and the text around it.
    finish: (markdown) => (credentials ? redactText(markdown, credentials) : markdown),
  };
}

/**
 * `text` as a markdown code span that holds all of it: fenced by more backticks than its longest run
 * (a value with a backtick would otherwise end the span and be read as markdown: links, images).
 */
function codeSpan(text: string): string {
  let longest = 0;
  for (const run of text.matchAll(/`+/g)) longest = Math.max(longest, run[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** `text` may be a skeleton (see skeleton.ts), `offset` and the answer's offset then the skeleton's. */
function hoverAt(text: string, offset: number, membersOf: (path: JSONPath) => Member[] | undefined, quote: Quote): HoverInfo | undefined {
  const location = getLocation(text, offset);
  const node = location.previousNode;
  if (!node || offset < node.offset || offset > node.offset + node.length) return undefined;
  // With the cursor on a key, previousNode is that key (typed "property"); otherwise a scalar value.
  const onKey = node.type === "property";
  if (!onKey && node.type !== "string" && node.type !== "number" && node.type !== "boolean" && node.type !== "null") return undefined;
  const path = location.path;
  const pattern = patternOf(path);
  if (pattern === undefined) return undefined;
  const doc = docAt(pattern);
  if (!doc) return undefined;
  const span = { offset: node.offset, length: node.length };

  if (!onKey && pattern === COUNTRY_CODE && node.type === "string") {
    return { markdown: countryMarkdown(String(node.value), proxyTypeOf(membersOf(path.slice(0, -1))), quote), ...span };
  }
  let markdown = propertyMarkdown(doc);
  if (!onKey && doc.enum && node.type === "string") {
    const description = (doc.enumDescriptions as Record<string, string> | undefined)?.[String(node.value)];
    if (description) return { markdown: `${quote(String(node.value))}: ${description}\n\n${markdown}`, ...span };
  }
  return { markdown, ...span };
}

function countryMarkdown(code: string, type: string | undefined, quote: Quote): string {
  const lower = code.toLowerCase();
  const name = countryName(lower);
  const offeredBy = typesOffering(lower);
  const listed = (types: readonly string[]) => types.map((t) => `\`${t}\``).join(", ");
  // An alpha-3 code names a country too: which one, and the code the API takes for it.
  const alpha2 = offeredBy.length === 0 ? alpha2OfAlpha3(lower.trim()) : undefined;
  if (alpha2 !== undefined) {
    const offering = typesOffering(alpha2);
    return [
      `**${countryName(alpha2) ?? alpha2}** (${quote(code)})`,
      `An ISO 3166-1 alpha-3 code; the API takes alpha-2 codes: \`${alpha2}\`.`,
      offering.length > 0 ? `\`${alpha2}\` is offered by: ${listed(offering)}` : "No Anchor proxy type offers it.",
    ].join("\n\n");
  }
  // "en-US", "US-CA": the country each reading names, and the code the API takes for it.
  const readings = offeredBy.length === 0 ? readTwoPartCode(code) : [];
  if (readings.length > 0) {
    return [
      quote(code),
      ...readings.map((reading) => {
        const kind = reading.kind === "language-tag" ? "A language tag" : "An ISO 3166-2 subdivision code";
        const offering = typesOffering(reading.country);
        const offered = offering.length > 0 ? `offered by: ${listed(offering)}` : "no Anchor proxy type offers it";
        return `${kind}${readings.length > 1 ? ", read one way" : ""}: its country is **${countryName(reading.country) ?? reading.country}**, whose code the API takes: \`${reading.country}\` (${offered}).`;
      }),
    ].join("\n\n");
  }
  const lines = [name ? `**${name}** (${quote(code)})` : quote(code)];
  if (lower !== code && offeredBy.length > 0) lines.push(`Codes are lower case: ${quote(lower)}.`);
  if (offeredBy.length === 0) lines.push("No Anchor proxy type offers this code.");
  else lines.push(`Offered by: ${listed(offeredBy)}`);
  if (type && offeredBy.length > 0 && !offeredBy.includes(type) && type !== "custom") {
    lines.push(`Not offered by this proxy's type ${quote(type)}.`);
  }
  return lines.join("\n\n");
}
