import { defineRule } from "../rule.js";
import { editDistance, getAt, quote } from "./util.js";

/** "https" or "http" for a scheme one letter away from one of them ("htps", "hhttps", "htttp"). */
function misspeltWebScheme(scheme: string): string | undefined {
  const lower = scheme.toLowerCase();
  if (editDistance(lower, "https") === 1) return "https";
  if (editDistance(lower, "http") === 1) return "http";
  return undefined;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** Why a scheme is a problem, for the schemes people actually write. */
const REASONS: Record<string, string> = {
  "file:": "it names a file on the remote browser's machine, not on yours",
  "javascript:": "it runs script instead of loading a page",
  "data:": "it loads inline content instead of a site",
  "about:": "leave initial_url out to start on an empty page",
  "chrome:": "browser-internal pages are not a starting point for a session",
  "chrome-extension:": "extension pages are not a starting point for a session",
  "view-source:": "it shows a page's source instead of the page",
  "blob:": "blob URLs only exist inside the page that made them",
  "ftp:": "browsers no longer load ftp URLs",
  "ws:": "a WebSocket endpoint is not a page",
  "wss:": "a WebSocket endpoint is not a page",
};

export default defineRule({
  meta: {
    id: "initial-url-scheme",
    description: "The initial URL uses a scheme other than http or https.",
    defaultSeverity: "warning",
    fixable: false,
    category: "semantic",
  },
  check(context) {
    const url = getAt(context.root, ["configuration", "session", "initial_url"]);
    if (typeof url !== "string") return;
    // The usual case, without the regex match: a scheme in lower case is already known to be fine.
    if (url.startsWith("https:") || url.startsWith("http:")) return;
    const match = SCHEME.exec(url);
    // No scheme at all is not a URI: valid-format reports that one.
    if (!match) return;
    const scheme = match[1]!.toLowerCase() + ":";
    if (scheme === "http:" || scheme === "https:") return;

    // A value that is not a URI at all gets valid-format's finding; one finding per mistake.
    const pointer = "/configuration/session/initial_url";
    if (context.schemaErrors().some((error) => error.pointer === pointer && error.keyword === "format")) return;

    const rest = url.slice(match[0].length);
    let message: string;
    if (/^\d+(?:[/?#]|$)/.test(rest)) {
      // "localhost:3000" parses as scheme "localhost": it is a host and port missing its scheme.
      message =
        `initial_url ${quote(url)} is a host and port without a scheme; ` +
        `did you mean ${quote("http://" + url)}?`;
    } else if (REASONS[scheme] === undefined && misspeltWebScheme(match[1]!) !== undefined) {
      // "htps:", "hhttps:": the web scheme with a letter too many or too few.
      const meant = misspeltWebScheme(match[1]!)! + url.slice(match[1]!.length);
      context.report({
        pointer,
        message: `initial_url uses the ${quote(match[1]! + ":")} scheme, which is no scheme a browser loads: did you mean ${quote(meant)}?`,
        suggestions: [{ title: `Replace with ${JSON.stringify(meant)}`, safety: "unsafe", edits: context.source.replaceValue(pointer, meant) ?? [] }],
      });
      return;
    } else {
      const reason = REASONS[scheme];
      message =
        `initial_url uses the ${quote(match[1]! + ":")} scheme; use an http: or https: URL` +
        (reason ? ` (${reason})` : "") +
        ".";
    }
    context.report({ pointer, message });
  },
});
