import { defineRule } from "../rule.js";
import { displayPath } from "../schema/schema-errors.js";
import { getAt, parsePointer, quote } from "./util.js";

const EXPECTATIONS: Record<string, string> = {
  uri: 'an absolute URL such as "https://example.com"',
  uuid: 'a UUID such as "550e8400-e29b-41d4-a716-446655440000"',
};

export default defineRule({
  meta: {
    id: "valid-format",
    description: "Strings with a format must match it: initial_url is an absolute URI, extension and integration ids are UUIDs.",
    defaultSeverity: "error",
    fixable: "unsafe",
    category: "schema",
  },
  check(context) {
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "format") continue;
      const format = String(error.params.format);
      const value = getAt(context.root, parsePointer(error.pointer));
      const meant = typeof value === "string" ? likelyMeant(format, value) : undefined;
      context.report({
        pointer: error.pointer,
        message: `${quote(value)} is not a valid ${format.toUpperCase()} in ${displayPath(error.pointer)}; expected ${EXPECTATIONS[format] ?? format}.${meant ? ` Did you mean ${JSON.stringify(meant)}?` : ""}`,
        suggestions: meant ? [{ title: `Replace with ${JSON.stringify(meant)}`, safety: "unsafe", edits: context.source.replaceValue(error.pointer, meant) }] : undefined,
      });
    }
  },
});

/** The value the author most likely meant, for the usual slips; undefined when there is no clear one. */
function likelyMeant(format: string, value: string): string | undefined {
  if (format === "uri") {
    const trimmed = value.trim();
    if (/^https?:\/\//i.test(trimmed)) {
      // Pasted with spaces or a line break around it.
      if (trimmed !== value && /^[\x21-\x7e]+$/.test(trimmed)) return trimmed;
      // Spaces or non-ASCII letters inside (a browser's address bar shows them decoded): percent-encoded.
      try {
        const href = new URL(trimmed).href;
        return href !== value ? href : undefined;
      } catch {
        return undefined;
      }
    }
    // The colon or a slash left out of the scheme: "https//example.com", "https:/example.com".
    const slip = /^(https?)(?::\/|\/\/|:(?!\/))(?!\/)(.+)$/i.exec(trimmed);
    if (slip && /^[\w-]+(\.[\w-]+)+([/:?#].*)?$/.test(slip[2]!)) return `${slip[1]!.toLowerCase()}://${slip[2]}`;
    // A bare host: "example.com" meant "https://example.com".
    if (/^[\w-]+(\.[\w-]+)+([/:?#].*)?$/.test(trimmed)) return `https://${trimmed}`;
    return undefined;
  }
  if (format === "uuid") {
    // Braces, a urn:uuid: prefix or missing dashes: the same 128 bits written another way.
    const hex = value.trim().replace(/^urn:uuid:/i, "").replace(/^\{(.*)\}$/, "$1").replace(/-/g, "");
    if (!/^[0-9a-f]{32}$/i.test(hex)) return undefined;
    const canonical = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    return canonical !== value ? canonical : undefined;
  }
  return undefined;
}
