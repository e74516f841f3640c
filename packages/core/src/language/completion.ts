import { getLocation, type JSONPath } from "jsonc-parser";
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
import { skeletonsBefore, type Skeleton } from "./skeleton.js";
import { commaAt, nextSignificant, previousSignificant, valueAfter, wordAt, type Span } from "./scan.js";
import { escapeChoice, escapeSnippet, keptByWordInserters, toPlain } from "./snippet.js";

export { snippetToPlain } from "./snippet.js";

/**
 * Where a proposal goes. Inside a string the proposal replaces only the string's content typed so
 * far, never its opening quote: editors that insert with their own word rules (Vim's `complete()`
 * in Neovim's omnifunc and ALE) start the word after the quote and keep whatever follows the
 * cursor, so an item that rewrote the quotes would double them. What the user typed is then a
 * prefix of the inserted text in every client, which is how those editors filter.
 */
interface Slot {
  replace: Span;
  /** The cursor is inside a string opened at `start`; `close` is its closing quote, absent when unclosed. */
  string?: { start: number; close?: number };
  /** Written after the inserted text: a comma when another member follows (see `commaAt`), else "". */
  comma: string;
  /** Edits elsewhere: the comma the previous value lacks, the old value that the inserted one replaces. */
  edits?: TextEdit[];
  /** Written before the inserted value: the blank between the cursor and the value it replaces. */
  lead?: string;
  /** The client expands snippets. */
  snippets: boolean;
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
    const snippets = options.snippets !== false;
    const items = proposals(text, skeletonsBefore(text, at, skeletonMinLength), at, snippets);
    return snippets ? items : items.map((item) => keptByWordInserters(toPlain(item), text, at));
  } catch {
    // Completion is a convenience: an odd document must never break the editor.
    return [];
  }
}

/**
 * `skeletons` are what getLocation and the member scans read (see skeleton.ts), so that they never
 * tokenize a huge `metadata` for a cursor elsewhere; their offsets near the cursor are less than
 * the text's by their `delta`. Everything that looks at characters near the cursor reads `text`.
 */
function proposals(text: string, skeletons: { located: Skeleton; scanned: () => Skeleton }, offset: number, snippets: boolean): CompletionItem[] {
  const { located } = skeletons;
  const location = getLocation(located.text, offset - located.delta);
  const path = location.path;
  const found = location.previousNode;
  // In the text's offsets.
  const previous = found && { ...found, offset: found.offset + located.delta };
  const scanned = () => skeletons.scanned().text;

  if (previous && offset >= previous.offset && offset <= previous.offset + previous.length) {
    const raw = text.slice(previous.offset, previous.offset + previous.length);
    const end = previous.offset + previous.length;
    const isString = raw.startsWith('"');
    // An unclosed string runs to the end of its line: replace only up to the cursor, keep the rest.
    const unclosed = isString && (raw.length < 2 || !/(^|[^\\])(\\\\)*"$/.test(raw.slice(1)));
    const inside = isString && offset > previous.offset;
    const string = inside ? { start: previous.offset, ...(unclosed ? {} : { close: end - 1 }) } : undefined;
    const replace = string
      ? { offset: string.start + 1, length: (string.close ?? offset) - string.start - 1 }
      : { offset: previous.offset, length: unclosed ? offset - previous.offset : previous.length };
    const after = unclosed ? offset : end;
    if (offset === previous.offset && isString && !unclosed && nextSignificant(text, end) === ":") {
      // Before the opening quote of the next member's key: a new member goes in front of it,
      // rather than renaming that key (which kept its value under the new name) or writing a
      // value over it.
      const slot = { replace: { offset, length: 0 }, comma: commaAt(text, offset), snippets };
      if (previous.type === "property") return keyItems(skeletons.scanned(), path.slice(0, -1), slot, false, undefined);
      return valueItems(scanned(), path, slot);
    }
    if (offset === previous.offset && !unclosed && typeof path[path.length - 1] === "number") {
      // Before an item of a list (`"secrets": [|"op://v/i/f"]`): a new item goes in front of it;
      // replacing it would throw away the reference the user wrote.
      return valueItems(scanned(), path, { replace: { offset, length: 0 }, comma: commaAt(text, offset), snippets });
    }
    // isAtPropertyKey is not used: after a closed object it depends on that object's contents.
    if (previous.type === "property") {
      // previousNode is the key being typed; with a colon after it only the key is replaced.
      const keyOnly = nextSignificant(text, after) === ":";
      const slot = { replace, ...(string ? { string } : {}), comma: keyOnly ? "" : commaAt(text, after), snippets };
      return keyItems(skeletons.scanned(), path.slice(0, -1), slot, keyOnly, previous.offset);
    }
    const slot = { replace, ...(string ? { string } : {}), comma: commaAt(text, after), snippets };
    return valueItems(scanned(), path, slot);
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
  const replace = { offset: word.offset, length: word.length };
  // A bare key typed before its colon (`{ coun|: 3 }`): only the key is written, not a second `: `.
  const keyOnly = nextSignificant(text, word.offset + word.length) === ":";
  if (afterValue) {
    // A new member after a value that has no comma yet: propose it and add the comma there.
    const edits = [{ offset: before + 1, length: 0, newText: "," }];
    const container = path.slice(0, -1);
    const slot = { replace, comma: keyOnly ? "" : commaAt(text, word.offset + word.length), edits, snippets };
    if (containerAt(scanned(), container) === "array") return valueItems(scanned(), [...container, 0], slot);
    return keyItems(skeletons.scanned(), container, slot, keyOnly, undefined);
  }

  const slot = { replace, comma: commaAt(text, word.offset + word.length), snippets };
  const last = path[path.length - 1];
  if (typeof last === "string" && (text[before ?? -1] === "{" || text[before ?? -1] === ",")) {
    return keyItems(skeletons.scanned(), path.slice(0, -1), keyOnly ? { ...slot, comma: "" } : slot, keyOnly, undefined);
  }
  if (path.length === 0) return text.trim() === "" || text.trim() === word.text ? rootItems(slot) : [];
  if (text[before ?? -1] === ":") {
    const existing = valueAfter(text, word.offset + word.length);
    // Inserting before an object or array would leave two values; replacing it would lose its members.
    if (existing === "container") return [];
    if (existing) {
      const slot = replacing(text, word, existing, snippets);
      return slot ? valueItems(scanned(), path, slot) : [];
    }
  }
  return valueItems(scanned(), path, slot);
}

/**
 * A slot for a value typed in front of the property's existing one (`"active": | true`): the
 * inserted value takes its place, so that the property keeps one value.
 */
function replacing(text: string, word: Span, existing: Span, snippets: boolean): Slot | undefined {
  // Clients without snippets insert by their own word rules and keep what follows the cursor; the
  // old value could only go by an additional edit, which Neovim 0.7 drops and ALE applies at its
  // original place after inserting (`"active":ttrue`): nothing offered leaves the file as it was.
  if (!snippets) return undefined;
  const end = existing.offset + existing.length;
  const comma = commaAt(text, end);
  const gap = text.slice(word.offset + word.length, existing.offset);
  if (snippets && /^[ \t]*$/.test(gap)) {
    // One range from the cursor over the old value, as VS Code replaces the word at the cursor; it
    // must stay on the cursor's line, so a gap with a line break or a comment takes the other way.
    // Right after the colon the blank is written back: `"active":| true` becomes `"active": false`.
    const lead = word.length === 0 && !/\s/.test(text[word.offset - 1] ?? "") ? { lead: gap } : {};
    return { replace: { offset: word.offset, length: end - word.offset }, ...lead, comma, snippets };
  }
  // A line break or comment before the old value: it goes by an edit of its own.
  return { replace: word, edits: [{ offset: existing.offset, length: existing.length, newText: "" }], comma, snippets };
}

/** Where a replacement ends and what it writes after the string's content, per kind of slot. */
function placed(slot: Slot, content: string, tail: string): Pick<CompletionItem, "replace" | "insertText" | "additionalEdits"> {
  const extra = slot.edits ?? [];
  const string = slot.string;
  if (!string) return { replace: slot.replace, insertText: `${JSON.stringify(content)}${tail}`, ...(extra.length ? { additionalEdits: extra } : {}) };
  if (string.close === undefined) return { replace: slot.replace, insertText: `${content}"${tail}`, ...(extra.length ? { additionalEdits: extra } : {}) };
  if (tail === "") return { replace: slot.replace, insertText: content, ...(extra.length ? { additionalEdits: extra } : {}) };
  if (slot.snippets) {
    // Snippet clients apply the range as given: take the closing quote along and write it back.
    return { replace: { offset: slot.replace.offset, length: string.close + 1 - slot.replace.offset }, insertText: `${content}"${tail}` };
  }
  // The rest goes after the closing quote as an edit of its own, which word-based inserters keep.
  return { replace: slot.replace, insertText: content, additionalEdits: [...extra, { offset: string.close + 1, length: 0, newText: tail }] };
}

/** A JSON text in the slot: string contents go inside the quotes, other values replace the string. */
function placedValue(slot: Slot, json: string, comma: string): Pick<CompletionItem, "replace" | "insertText" | "additionalEdits"> {
  const extra = slot.edits ? { additionalEdits: slot.edits } : {};
  const string = slot.string;
  if (!string) return { replace: slot.replace, insertText: (slot.lead ?? "") + json + comma, ...extra };
  if (json.length >= 2 && json.startsWith('"') && json.endsWith('"')) return placed(slot, json.slice(1, -1), comma);
  const end = string.close !== undefined ? string.close + 1 : slot.replace.offset + slot.replace.length;
  return { replace: { offset: string.start, length: end - string.start }, insertText: json + comma, ...extra };
}

/** `typedKeyOffset` is in the text's offsets, the members' in the skeleton's (see skeleton.ts for why they compare). */
function keyItems({ text, delta }: Skeleton, objectPath: JSONPath, slot: Slot, keyOnly: boolean, typedKeyOffset: number | undefined): CompletionItem[] {
  const pattern = patternOf(objectPath);
  if (pattern === undefined) return [];
  const doc = docAt(pattern);
  if (doc?.type !== "object") return [];
  let children = childrenOf(pattern);
  // Only the keys that could be proposed (and a proxy's type) matter: not every unknown key.
  const members = objectMembers(text, objectPath, { keys: new Set([...children, "type"]) });
  const present = new Set<string>();
  for (const member of members ?? []) {
    // The key being typed is not "present": it is what gets replaced.
    if (member.keyOffset + delta !== typedKeyOffset) present.add(member.key);
  }
  if (pattern === PROXY) children = proxyKeys(children, proxyTypeOf(members));
  const items: CompletionItem[] = [];
  children.forEach((key, index) => {
    if (present.has(key)) return;
    const childPattern = `${pattern}/${key}`;
    const child = docAt(childPattern);
    if (!child) return;
    const tail = keyOnly ? "" : `: ${valueSnippet(childPattern, child)}${slot.comma}`;
    const where = placed(slot, key, tail);
    items.push({
      label: key,
      kind: "property",
      detail: child.type,
      documentation: propertyMarkdown(child),
      ...where,
      insertTextFormat: keyOnly ? "plain" : "snippet",
      sortText: `${child.required ? 0 : 1}${String(index).padStart(3, "0")}`,
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
  const comma = slot.comma;
  /** `json` is the value as JSON text (a snippet when `more` says so). */
  const value = (label: string, json: string, more: Partial<CompletionItem> = {}): CompletionItem => ({
    label,
    kind: "value",
    insertTextFormat: "plain",
    ...placedValue(slot, json, comma),
    ...more,
  });
  const snippet = (label: string, json: string, more: Partial<CompletionItem> = {}): CompletionItem =>
    value(label, json, { kind: "snippet", insertTextFormat: "snippet", ...more });

  if (pattern === COUNTRY_CODE) {
    const type = proxyTypeOf(objectMembers(text, path.slice(0, -1)));
    if (type === "custom") return [];
    const offered = isAnchorType(type) ? countryCodesFor(type!) : allCountryCodes();
    // us first in the list too, not only by sortText: ALE keeps the server's order.
    const codes = offered.includes("us") ? ["us", ...offered.filter((code) => code !== "us")] : offered;
    return codes.map((code) => {
      const offeredBy = typesOffering(code);
      const name = countryName(code);
      return value(code, JSON.stringify(code), {
        // The name beside every row, and in what the editor matches, so that "germ" finds de.
        // The code comes first: prefix-matching editors (eglot) then still find it by code.
        ...(name ? { detail: name, labelDescription: name, filterText: `${code} ${name}` } : {}),
        documentation: `${name ? `**${name}**` : `\`${code}\``}\n\nOffered by: ${offeredBy.map((t) => `\`${t}\``).join(", ")}`,
        sortText: code === "us" ? "0" : `1${code}`,
      });
    });
  }
  if (pattern === SECRET_ITEM) {
    items.push(
      snippet("op://vault/item/field", '"op://${1:vault}/${2:item}/${3:field}"', {
        detail: "1Password secret reference",
        documentation: "`op://<vault>/<item>[/<section>]/<field>`, optionally followed by `?attribute=...` or `?ssh-format=openssh`.",
      }),
    );
    return items;
  }
  if (pattern === INTEGRATION_ITEM) {
    items.push(
      snippet("1Password integration", '{\n\t"id": "$1",\n\t"type": "1PASSWORD",\n\t"configuration": {\n\t\t"load_mode": "${2|all,specific|}"$0\n\t}\n}', {
        documentation: "An integration created beforehand with the Integrations API; `load_mode` `all` or `specific` (with `secrets`).",
      }),
    );
    return items;
  }
  if (doc.secret) {
    items.push(
      snippet("${env:NAME}", `"\\\${env:\${1:${envName(pattern)}}}"`, {
        documentation: "Read from the environment when the config is loaded, so that the credential stays out of the file.",
      }),
    );
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
      items.push(snippet("{}", "{\n\t$0\n}"));
      break;
    case "array":
      items.push(snippet("[]", "[$0]"));
      break;
    case "integer":
    case "number":
      if (doc.default !== undefined) items.push(value(String(doc.default), String(doc.default), { detail: "default" }));
      break;
    case "string":
      if (doc.default !== undefined) items.push(value(String(doc.default), JSON.stringify(doc.default), { detail: "default" }));
      // Only http and https pass initial-url-scheme.
      if (doc.format === "uri") items.push(snippet("https://", '"https://$1"'));
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

