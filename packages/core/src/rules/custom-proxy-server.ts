import { defineRule, type FixProposal, type RuleContext, type SourceDocument } from "../rule.js";
import { editsInTurn } from "../source/edits/in-turn.js";
import { checkServer, EXAMPLE_HOST, EXPECTED, joinServer, partsList, PROTOCOLS, splitServerOf, type ServerParts } from "../proxy-server.js";
import { getAt, isObject, quote, quotedList } from "./util.js";

const POINTER = "/configuration/session/proxy/server";

export default defineRule({
  meta: {
    id: "custom-proxy-server",
    description: "A custom proxy's server must be PROTOCOL://HOST:PORT with http, https or socks5 as the protocol.",
    defaultSeverity: "error",
    // Only joining a port and protocol written in keys of their own into the server is applied.
    fixable: "safe",
    category: "semantic",
  },
  check(context) {
    const proxy = getAt(context.root, ["configuration", "session", "proxy"]);
    if (!isObject(proxy) || proxy["type"] !== "custom") return;
    const server = proxy["server"];
    if (typeof server !== "string") return;
    // Credentials in the URL are reported without quoting the server, which would leak them; and a
    // server that happens to contain the username or password is never quoted either.
    if (server.includes("@")) {
      context.report({
        pointer: POINTER,
        message:
          'The proxy server contains credentials; write it as PROTOCOL://HOST:PORT and put the credentials in "username" and "password".',
      });
      return;
    }
    // load() resolves placeholders in the credentials only: the API would get this text as the server.
    if (/\$\{env:/.test(server)) {
      const apart = splitServerOf(context.root)?.parts;
      const keys = apart ? partsList(apart).map((part) => part.key) : [];
      context.report({
        pointer: POINTER,
        message:
          'The proxy server holds an ${env:NAME} placeholder, which load() does not resolve there (only in "username" and "password"): ' +
          `the API would get it as written. Write the server itself, PROTOCOL://HOST:PORT, e.g. "http://${EXAMPLE_HOST}:8080"` +
          (keys.length > 0 ? `, with what ${quotedList(keys, "and")} ${keys.length === 1 ? "says" : "say"} in it (the API ignores ${keys.length === 1 ? "that key" : "those keys"}).` : "."),
      });
      return;
    }
    const problem = checkServer(server);
    if (problem === undefined) return;
    const secrets = [proxy["username"], proxy["password"]];
    const quotable = !secrets.some((secret) => containsSecret(server, secret));
    const subject = quotable && server !== "" ? `The proxy server ${quote(server)}` : "The proxy server";
    const split = splitServerOf(context.root);
    const found = split ? splitReport(split.server, split.parts) : { text: problem.text, replacement: problem.replacement };
    // The problem's own text may quote a part of the server (host, corrected URL): drop the detail then.
    const message = quotable || !secrets.some((secret) => containsSecret(found.text, secret))
      ? `${subject} ${found.text}`
      : `The proxy server is not a valid address; ${EXPECTED}. It is not shown here because it contains the proxy's credentials.`;
    if (!quotable) {
      context.report({ pointer: POINTER, message });
      return;
    }
    const change = found.replacement === undefined ? undefined : changeTo(context, found.replacement, split?.parts, found.safe === true);
    context.report({
      pointer: POINTER,
      message,
      ...(change?.safety === "safe" ? { fix: change } : {}),
      ...(change?.safety === "unsafe" ? { suggestions: [change] } : {}),
    });
  },
});

function containsSecret(server: string, secret: unknown): boolean {
  return typeof secret === "string" && secret.length > 0 && server.includes(secret);
}

/**
 * A server with its port or protocol written beside it, in keys the API ignores: one mistake, so one
 * message saying where they go, and the server they make. Joining them is certain when the protocol
 * and the port are both written, and their text is a plain address; with http assumed it is only
 * offered, and with a placeholder in a part not at all (the API would get it as written).
 */
function splitReport(server: string, parts: ServerParts): { text: string; replacement?: string; safe?: boolean } {
  const keys = partsList(parts).map((part) => part.key);
  const one = keys.length === 1;
  const apart = `${quotedList(keys, "and")} ${one ? "is" : "are"} written apart, where the API ignores ${one ? "it" : "them"}`;
  const joined = joinServer(server, parts);
  if (joined === undefined) {
    const own = checkServer(server)!;
    return { text: `${own.text.replace(/\.$/, "")}; ${apart}: the parts go together in "server" as PROTOCOL://HOST:PORT.` };
  }
  if ("problem" in joined) return { text: `${joined.problem} ${capitalize(apart)}: the parts go together in "server" as PROTOCOL://HOST:PORT.` };
  const lacks = joined.missing.length > 0 ? `has no ${joined.missing.join(" and no ")}` : checkServer(server)!.text.replace(/[.?]$/, "");
  if (joined.guessed) {
    return {
      text: `${lacks}; ${apart}: the parts go together in "server" as PROTOCOL://HOST:PORT. Did you mean ${quote(joined.server)}? Supported protocols: ${quotedList(PROTOCOLS, "and")}.`,
      replacement: joined.server,
    };
  }
  // A placeholder would reach the API as written: load() resolves them in the credentials only.
  if (joined.placeholder) {
    return { text: `${lacks}; ${apart}: the parts go together in "server" as PROTOCOL://HOST:PORT, written out (load() resolves \${env:NAME} placeholders in "username" and "password" only).` };
  }
  const safe = checkServer(joined.server) === undefined;
  return { text: `${lacks}; ${apart}: ${one ? "it goes" : "they go"} together in "server", as ${quote(joined.server)}.`, replacement: joined.server, safe };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The server replaced, and the keys of its parts written apart removed. */
function changeTo(context: RuleContext, replacement: string, parts: ServerParts | undefined, safe: boolean): FixProposal | undefined {
  const removed = parts ? partsList(parts) : [];
  const all = removed.length === 0
    ? context.source.replaceValue(POINTER, replacement)
    : editsInTurn(context.source.text, [(source) => source.replaceValue(POINTER, replacement), ...removed.map((part) => (source: SourceDocument) => source.removeProperty(part.pointer))], { kind: "replace", pointer: POINTER.slice(0, POINTER.lastIndexOf("/")) });
  const title = removed.length > 0
    ? `Change to ${JSON.stringify(replacement)} and remove ${quotedList(removed.map((part) => part.key), "and")}`
    : `Change to ${JSON.stringify(replacement)}`;
  // A comment in what the join rewrites would go with the keys it removes: then the user says.
  const rewritten = all?.[0];
  const dropsComment = removed.length > 0 && rewritten !== undefined && context.source.syntaxProblems.some(
    (problem) => problem.kind === "comment" && problem.offset >= rewritten.offset && problem.offset < rewritten.offset + rewritten.length,
  );
  return { title, safety: safe && all !== undefined && !dropsComment ? "safe" : "unsafe", edits: all };
}
