import { defineRule, type SourceDocument } from "../rule.js";
import { defaultProxyType } from "../generated/countries.js";
import type { TextEdit } from "../types.js";
import { didYouMean, getAt, isObject } from "./util.js";

const PROXY = "/configuration/session/proxy";
const CUSTOM_KEYS = ["server", "username", "password"] as const;

export default defineRule({
  meta: {
    id: "custom-proxy-missing-type",
    description: 'A proxy has a custom proxy\'s server or credentials but no "type": "custom", so the batch runs through an Anchor proxy and ignores them.',
    defaultSeverity: "error",
    fixable: "unsafe",
    category: "semantic",
  },
  check(context) {
    const proxy = getAt(context.root, ["configuration", "session", "proxy"]);
    // An explicit type is a choice (known-property says which keys it does not use); only a missing one is this mistake.
    if (!isObject(proxy) || Object.prototype.hasOwnProperty.call(proxy, "type")) return;
    // A misspelt "type" ("Type", "tpye") is a type that was written: known-property's "did you mean
    // "type"?" is the one finding, and its rename the fix.
    if (Object.keys(proxy).some((key) => didYouMean(key, ["type"]) !== undefined)) return;
    const present = CUSTOM_KEYS.filter((key) => Object.prototype.hasOwnProperty.call(proxy, key));
    if (present.length === 0) return;
    // Names only, never values: username and password are credentials.
    const names = listed(present.map((key) => JSON.stringify(key)));
    context.report({
      pointer: PROXY,
      target: "key",
      message:
        `This proxy has ${names} but no "type"; "type" is not set, so it is ${JSON.stringify(defaultProxyType)}: ` +
        `the batch runs through an Anchor proxy and ignores your server and credentials. Add "type": "custom" to use your own proxy.`,
      related: present.map((key) => ({ pointer: `${PROXY}/${key}`, target: "key" as const, message: `${JSON.stringify(key)} is used only by a custom proxy.` })),
      fix: { title: 'Add "type": "custom"', safety: "unsafe", edits: insertFirstMember(context.source, PROXY, "type", "custom") },
    });
  },
});

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * One insertion of `"key": value` before the object's first member, laid out like that member (its own
 * line and indentation, or inline): nothing else in the file is rewritten, credentials included.
 */
function insertFirstMember(source: SourceDocument, pointer: string, key: string, value: unknown): TextEdit[] | undefined {
  const text = source.text;
  const object = source.nodeAt(pointer);
  const first = object?.type === "object" ? object.children?.[0] : undefined;
  if (text === undefined || !object || !first) return undefined;
  // The white space just before the first member, read backwards: /\s*$/ on the text before it
  // retried from every position of a long run of spaces followed by a comment (seconds at 200 KB).
  let start = first.offset;
  while (start > object.offset + 1 && /\s/.test(text[start - 1]!)) start--;
  const before = text.slice(start, first.offset);
  const newline = before.lastIndexOf("\n");
  const separator = newline === -1 ? (before === "" ? "" : " ") : before.slice(before[newline - 1] === "\r" ? newline - 1 : newline);
  return [{ offset: first.offset, length: 0, newText: `${JSON.stringify(key)}: ${JSON.stringify(value)},${separator}` }];
}
