import { createScanner, getLocation, type JSONPath } from "jsonc-parser";
import type { PropertyDoc } from "../generated/property-docs.js";
import type { TextEdit } from "../types.js";
import type { CompletionItem, CompletionOptions } from "./types.js";
import {
  COUNTRY_CODE,
  INTEGRATION_ITEM,
  PROXY,
  SECRET_ITEM,
  allCountryCodes,
  childrenOf,
  countryCodesFor,
  countryName,
  docAt,
  isAnchorType,
  patternOf,
  propertyMarkdown,
  proxyTypeOf,
  typesOffering,
} from "./data.js";
import { containerAt, objectMembers } from "./members.js";
import { skeletonBefore } from "./skeleton.js";
import { SyntaxKind } from "../source/syntax-kind.js";

type Span = { offset: number; length: number };

interface Slot {
  /** Where the proposal goes. */
  replace: Span;
  /** The typed text starts with a quote: filter on the quoted form. */
  quoted: boolean;
  /** A comma is needed after the inserted text (another member follows). */
  commaAfter: boolean;
  /** A comma is needed before it (right after the previous value). */
  commaBefore?: TextEdit;
}

/**
 * Completion proposals at `offset` (0-based) in an `*.anchor.json` text: property keys (never one
 * already present in that object), enum values, booleans, country codes of the proxy's type,
 * 1Password secret references. Works on incomplete documents; returns [] where nothing fits.
 */
export function complete(text: string, offset: number, options: CompletionOptions = {}): CompletionItem[] {
  return completeWith(text, offset, options);
}

/** `complete`, with the size above which closed containers before the cursor are skipped (tests set 0). */
export function completeWith(text: string, offset: number, options: CompletionOptions = {}, skeletonMinLength?: number): CompletionItem[] {
  try {
    const at = Math.max(0, Math.min(offset, text.length));
    const items = proposals(text, skeletonBefore(text, at, skeletonMinLength), at);
    return options.snippets === false ? items.map(toPlain) : items;
  } catch {
    // Completion is a convenience: an odd document must never break the editor.
    return [];
  }
}

/**
 * `skeleton` is the text with the objects closed before the cursor emptied (same offsets): what
 * getLocation and the member scans read, so that they never tokenize a huge `metadata` for a
 * cursor elsewhere. Everything that looks at characters near the cursor reads `text`.
 */
function proposals(text: string, skeleton: string, offset: number): CompletionItem[] {
  const location = getLocation(skeleton, offset);
  const path = location.path;
  const previous = location.previousNode;

  if (previous && offset >= previous.offset && offset <= previous.offset + previous.length) {
    const raw = text.slice(previous.offset, previous.offset + previous.length);
    // An unclosed string runs to the end of its line: replace only up to the cursor, keep the rest.
    const unclosed = raw.startsWith('"') && (raw.length < 2 || !/(^|[^\\])(\\\\)*"$/.test(raw.slice(1)));
    const span = { offset: previous.offset, length: unclosed ? offset - previous.offset : previous.length };
    // isAtPropertyKey is not used: after a closed object it depends on that object's contents.
    if (previous.type === "property") {
      // previousNode is the key being typed; with a colon after it only the key is replaced.
      const keyOnly = nextSignificant(text, span.offset + span.length) === ":";
      const slot = { replace: span, quoted: true, commaAfter: !keyOnly && needsComma(text, span.offset + span.length) };
      return keyItems(skeleton, path.slice(0, -1), slot, keyOnly, span);
    }
    const slot = { replace: span, quoted: previous.type === "string", commaAfter: needsComma(text, span.offset + span.length) };
    return valueItems(skeleton, path, slot);
  }
  if (previous?.type === "property" && offset > previous.offset + previous.length) {
    return []; // after a key, before its colon
  }

  const word = wordAt(text, offset);
  const before = previousSignificant(text, word.offset);
  const afterValue =
    before !== undefined &&
    (text[before] === "}" || text[before] === "]" || (previous !== undefined && offset > previous.offset + previous.length)) &&
    path.length > 0;
  if (afterValue) {
    // A new member after a value that has no comma yet: propose it and add the comma there.
    const commaBefore = { offset: before + 1, length: 0, newText: "," };
    const container = path.slice(0, -1);
    const slot = { replace: word, quoted: false, commaAfter: needsComma(text, word.offset + word.length), commaBefore };
    if (containerAt(skeleton, container) === "array") return valueItems(skeleton, [...container, 0], slot);
    return keyItems(skeleton, container, slot, false, undefined);
  }

  const slot = { replace: word, quoted: false, commaAfter: needsComma(text, word.offset + word.length) };
  const last = path[path.length - 1];
  if (typeof last === "string" && (text[before ?? -1] === "{" || text[before ?? -1] === ",")) {
    return keyItems(skeleton, path.slice(0, -1), slot, false, undefined);
  }
  if (path.length === 0) return text.trim() === "" || text.trim() === word.text ? rootItems(slot) : [];
  return valueItems(skeleton, path, slot);
}

function keyItems(text: string, objectPath: JSONPath, slot: Slot, keyOnly: boolean, typedKey: Span | undefined): CompletionItem[] {
  const pattern = patternOf(objectPath);
  if (pattern === undefined) return [];
  const doc = docAt(pattern);
  if (doc?.type !== "object") return [];
  const members = objectMembers(text, objectPath);
  const present = new Set<string>();
  for (const member of members ?? []) {
    // The key being typed is not "present": it is what gets replaced.
    if (!(typedKey && member.keyOffset === typedKey.offset)) present.add(member.key);
  }
  let children = childrenOf(pattern);
  if (pattern === PROXY) children = proxyKeys(children, proxyTypeOf(members));
  const items: CompletionItem[] = [];
  children.forEach((key, index) => {
    if (present.has(key)) return;
    const childPattern = `${pattern}/${key}`;
    const child = docAt(childPattern);
    if (!child) return;
    const quotedKey = JSON.stringify(key);
    const insertText = keyOnly ? quotedKey : `${quotedKey}: ${valueSnippet(childPattern, child)}${slot.commaAfter ? "," : ""}`;
    items.push({
      label: key,
      kind: "property",
      detail: child.type,
      documentation: propertyMarkdown(child),
      insertText,
      insertTextFormat: keyOnly ? "plain" : "snippet",
      replace: slot.replace,
      sortText: `${child.required ? 0 : 1}${String(index).padStart(3, "0")}`,
      filterText: slot.quoted ? quotedKey : key,
      ...(slot.commaBefore ? { additionalEdits: [slot.commaBefore] } : {}),
    });
  });
  return items;
}

/** A custom proxy takes server and credentials; Anchor types take a country, and region/city only anchor_proxy. */
function proxyKeys(children: readonly string[], type: string | undefined): readonly string[] {
  const custom = new Set(["server", "username", "password"]);
  const anchorOnly = new Set(["country_code", "region", "city"]);
  if (type === "custom") return children.filter((key) => !anchorOnly.has(key));
  if (isAnchorType(type)) {
    return children.filter((key) => !custom.has(key) && (type === "anchor_proxy" || (key !== "region" && key !== "city")));
  }
  return children;
}

/** The snippet written after `"key": ` for a property. */
function valueSnippet(pattern: string, doc: PropertyDoc): string {
  if (doc.secret) return `"\\\${env:\${1:${envName(pattern)}}}"`;
  if (doc.enum && doc.enum.length > 0) return `"\${1|${doc.enum.map(escapeChoice).join(",")}|}"`;
  switch (doc.type) {
    case "object":
      return "{\n\t$0\n}";
    case "array":
      return docAt(`${pattern}/*`)?.type === "object" ? "[\n\t{\n\t\t$0\n\t}\n]" : "[$0]";
    case "boolean":
      return "${1|true,false|}";
    case "integer":
    case "number":
      return doc.default !== undefined ? `\${1:${String(doc.default)}}` : "$1";
    case "string":
      if (doc.format === "uri") return '"https://$1"';
      return doc.default !== undefined ? `"\${1:${escapeSnippet(String(doc.default))}}"` : '"$1"';
    default:
      return "$1";
  }
}

/** The variable names the no-plaintext-proxy-credentials fix proposes too. */
function envName(pattern: string): string {
  return `ANCHOR_PROXY_${pattern.slice(pattern.lastIndexOf("/") + 1).toUpperCase()}`;
}

function valueItems(text: string, path: JSONPath, slot: Slot): CompletionItem[] {
  const pattern = patternOf(path);
  if (pattern === undefined) return [];
  const doc = docAt(pattern);
  if (!doc) return [];
  const items: CompletionItem[] = [];
  const comma = slot.commaAfter ? "," : "";
  const extra = slot.commaBefore ? { additionalEdits: [slot.commaBefore] } : {};
  const value = (label: string, insertText: string, more: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind: "value",
    insertText: insertText + comma,
    insertTextFormat: "plain",
    replace: slot.replace,
    filterText: slot.quoted ? insertText : label,
    ...extra,
    ...more,
  });

  if (pattern === COUNTRY_CODE) {
    const type = proxyTypeOf(objectMembers(text, path.slice(0, -1)));
    if (type === "custom") return [];
    const codes = isAnchorType(type) ? countryCodesFor(type!) : allCountryCodes();
    return codes.map((code) => {
      const offeredBy = typesOffering(code);
      const name = countryName(code);
      return value(code, JSON.stringify(code), {
        ...(name ? { detail: name } : {}),
        documentation: `${name ? `**${name}**` : `\`${code}\``}\n\nOffered by: ${offeredBy.map((t) => `\`${t}\``).join(", ")}`,
        sortText: code === "us" ? "0" : `1${code}`,
      });
    });
  }
  if (pattern === SECRET_ITEM) {
    items.push({
      ...value("op://vault/item/field", '"op://${1:vault}/${2:item}/${3:field}"', { filterText: slot.quoted ? '"op://vault/item/field"' : "op://vault/item/field" }),
      kind: "snippet",
      insertTextFormat: "snippet",
      detail: "1Password secret reference",
      documentation: "`op://<vault>/<item>[/<section>]/<field>`, optionally followed by `?attribute=...` or `?ssh-format=openssh`.",
    });
    return items;
  }
  if (pattern === INTEGRATION_ITEM) {
    items.push({
      ...value(
        "1Password integration",
        '{\n\t"id": "$1",\n\t"type": "1PASSWORD",\n\t"configuration": {\n\t\t"load_mode": "${2|all,specific|}"$0\n\t}\n}',
      ),
      kind: "snippet",
      insertTextFormat: "snippet",
      documentation: "An integration created beforehand with the Integrations API; `load_mode` `all` or `specific` (with `secrets`).",
    });
    return items;
  }
  if (doc.secret) {
    items.push({
      ...value("${env:NAME}", `"\\\${env:\${1:${envName(pattern)}}}"`, { filterText: slot.quoted ? '"${env:' : "${env:" }),
      kind: "snippet",
      insertTextFormat: "snippet",
      documentation: "Read from the environment when the config is loaded, so that the credential stays out of the file.",
    });
    return items;
  }
  if (doc.enum) {
    const descriptions = (doc.enumDescriptions ?? {}) as Record<string, string>;
    doc.enum.forEach((option, index) => {
      const description = descriptions[option];
      items.push(value(option, JSON.stringify(option), { ...(description ? { documentation: description } : {}), sortText: String(index).padStart(3, "0") }));
    });
    return items;
  }
  switch (doc.type) {
    case "boolean":
      for (const option of [true, false]) {
        items.push(value(String(option), String(option), doc.default === option ? { detail: "default" } : {}));
      }
      break;
    case "object":
      items.push({ ...value("{}", "{\n\t$0\n}"), kind: "snippet", insertTextFormat: "snippet" });
      break;
    case "array":
      items.push({ ...value("[]", "[$0]"), kind: "snippet", insertTextFormat: "snippet" });
      break;
    case "integer":
    case "number":
      if (doc.default !== undefined) items.push(value(String(doc.default), String(doc.default), { detail: "default" }));
      break;
    case "string":
      if (doc.default !== undefined) items.push(value(String(doc.default), JSON.stringify(doc.default), { detail: "default" }));
      // Only http and https pass initial-url-scheme.
      if (doc.format === "uri") items.push({ ...value("https://", '"https://$1"', { filterText: slot.quoted ? '"https://' : "https://" }), kind: "snippet", insertTextFormat: "snippet" });
      break;
  }
  return items;
}

function rootItems(slot: Slot): CompletionItem[] {
  return [
    {
      label: "batch-session request",
      kind: "snippet",
      detail: "count and configuration",
      documentation: "The body of `POST /v1/batch-sessions`.",
      insertText: '{\n\t"count": ${1:1},\n\t"configuration": {\n\t\t$0\n\t}\n}',
      insertTextFormat: "snippet",
      replace: slot.replace,
    },
  ];
}

const WORD = /[A-Za-z0-9_$.\-+]/;

/** The bare word around the cursor (a partly typed key or literal without quotes). */
function wordAt(text: string, offset: number): Span & { text: string } {
  let start = offset;
  while (start > 0 && WORD.test(text[start - 1]!)) start--;
  let end = offset;
  while (end < text.length && WORD.test(text[end]!)) end++;
  return { offset: start, length: end - start, text: text.slice(start, end) };
}

/** The last character before `offset` that is neither white space nor part of a comment. */
function previousSignificant(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i--;
    } else if (c === "/" && text[i - 1] === "*") {
      const open = text.lastIndexOf("/*", i - 2);
      if (open < 0) return i;
      i = open - 1;
    } else {
      const lineStart = Math.max(text.lastIndexOf("\n", i), text.lastIndexOf("\r", i)) + 1;
      const comment = lineCommentStart(text, lineStart, i);
      if (comment === undefined) return i;
      i = comment - 1;
    }
  }
  return undefined;
}

/** Where a `//` comment starts on the line between `from` and `to`, outside strings. */
function lineCommentStart(text: string, from: number, to: number): number | undefined {
  let inString = false;
  for (let i = from; i <= to; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === "/" && text[i + 1] === "/") {
      return i;
    }
  }
  return undefined;
}

function nextSignificant(text: string, offset: number): string | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const token = scanner.scan();
  return token === SyntaxKind.EOF ? undefined : text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
}

/** Whether another member follows without a separator, so that the inserted one needs a comma. */
function needsComma(text: string, offset: number): boolean {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const token = scanner.scan();
  // String, number, true/false/null, `{` or `[`: the start of another member or value.
  return (
    token === SyntaxKind.String ||
    token === SyntaxKind.Number ||
    token === SyntaxKind.Null ||
    token === SyntaxKind.True ||
    token === SyntaxKind.False ||
    token === SyntaxKind.OpenBrace ||
    token === SyntaxKind.OpenBracket
  );
}

function escapeChoice(value: string): string {
  return value.replace(/[\\|,$}]/g, (c) => `\\${c}`);
}

function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A snippet as plain text for editors without snippet support: each placeholder becomes its default. */
export function snippetToPlain(snippet: string): string {
  let out = "";
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i]!;
    if (c === "\\" && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === "$") {
      const tabstop = /^\$(\d+)/.exec(snippet.slice(i));
      if (tabstop) {
        i += tabstop[0].length - 1;
        continue;
      }
      const placeholder = /^\$\{\d+(?::((?:\\.|[^\\}])*)|\|((?:\\.|[^\\,|])*)(?:,(?:\\.|[^\\|])*)*\|)?\}/.exec(snippet.slice(i));
      if (placeholder) {
        out += snippetToPlain(placeholder[1] ?? placeholder[2] ?? "");
        i += placeholder[0].length - 1;
        continue;
      }
      out += c;
    } else {
      out += c;
    }
  }
  return out;
}

function toPlain(item: CompletionItem): CompletionItem {
  return item.insertTextFormat === "snippet" ? { ...item, insertText: snippetToPlain(item.insertText), insertTextFormat: "plain" } : item;
}
