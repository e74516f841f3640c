import { defineRule, type FixProposal } from "../rule.js";
import { didYouMean, getAt, isObject, quote, quotedList } from "./util.js";

const POINTER = "/configuration/session/proxy/server";
const PROTOCOLS = ["http", "https", "socks5"] as const;
const EXPECTED = `expected PROTOCOL://HOST:PORT with ${quotedList(PROTOCOLS)} as the protocol`;
const EXAMPLE_HOST = "proxy.example.com";

interface Problem {
  /** Completes "The proxy server <quoted> ...". */
  text: string;
  /** A corrected server the user probably meant. */
  replacement?: string;
}

export default defineRule({
  meta: {
    id: "custom-proxy-server",
    description: "A custom proxy's server must be PROTOCOL://HOST:PORT with http, https or socks5 as the protocol.",
    defaultSeverity: "error",
    fixable: false,
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
    const problem = checkServer(server);
    if (problem === undefined) return;
    const secrets = [proxy["username"], proxy["password"]];
    const quotable = !secrets.some((secret) => containsSecret(server, secret));
    const subject = quotable && server !== "" ? `The proxy server ${quote(server)}` : "The proxy server";
    // The problem's own text may quote a part of the server (host, corrected URL): drop the detail then.
    const message = quotable || !secrets.some((secret) => containsSecret(problem.text, secret))
      ? `${subject} ${problem.text}`
      : `The proxy server is not a valid address; ${EXPECTED}. It is not shown here because it contains the proxy's credentials.`;
    const suggestions: FixProposal[] =
      quotable && problem.replacement !== undefined
        ? [
            {
              title: `Change to ${JSON.stringify(problem.replacement)}`,
              safety: "unsafe",
              edits: context.source.replaceValue(POINTER, problem.replacement),
            },
          ]
        : [];
    context.report({
      pointer: POINTER,
      message,
      ...(suggestions.length > 0 ? { suggestions } : {}),
    });
  },
});

function containsSecret(server: string, secret: unknown): boolean {
  return typeof secret === "string" && secret.length > 0 && server.includes(secret);
}

/** The first thing wrong with a server, in the order a reader would fix them; undefined when it is valid. */
function checkServer(server: string): Problem | undefined {
  if (server.trim() === "") return { text: `is empty; ${EXPECTED}, e.g. "http://${EXAMPLE_HOST}:8080".` };
  if (server !== server.trim()) {
    return { text: "has leading or trailing spaces; remove them.", replacement: server.trim() };
  }

  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(server);
  const rest = scheme ? server.slice(scheme[0].length) : server.replace(/^\/\//, "");
  const address = parseAddress(rest, scheme?.[1]?.toLowerCase() ?? "http");

  if (!scheme) {
    // "http:/host:80", "http//host:80" or "socks5:host:1080": a known protocol with a broken separator.
    const broken = /^([A-Za-z][A-Za-z0-9+.-]*)(?::\/?|\/\/)(?!\d)/.exec(server);
    const protocol = broken?.[1]?.toLowerCase();
    if (broken && protocol !== undefined && (PROTOCOLS as readonly string[]).includes(protocol)) {
      const fixed = `${protocol}://${server.slice(broken[0].length)}`;
      return { text: `must separate the protocol from the host with "://"; did you mean ${quote(fixed)}?`, replacement: fixed };
    }
    if (address.problem === undefined && address.tail === "") {
      const fixed = `http://${rest}`;
      return { text: `has no protocol; did you mean ${quote(fixed)}? Supported protocols: ${quotedList(PROTOCOLS, "and")}.`, replacement: fixed };
    }
    const host = address.host !== undefined && address.host !== "" ? address.host : EXAMPLE_HOST;
    return { text: `has no protocol; ${EXPECTED}, e.g. ${quote(`http://${host}:8080`)}.` };
  }

  const protocol = scheme[1]!;
  if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
    const lower = protocol.toLowerCase();
    if ((PROTOCOLS as readonly string[]).includes(lower)) {
      const fixed = `${lower}://${rest}`;
      return { text: `must have its protocol in lower case: ${quote(fixed)}.`, replacement: fixed };
    }
    const meant = didYouMean(protocol, PROTOCOLS);
    const hint = meant !== undefined ? ` Did you mean ${JSON.stringify(meant)}?` : "";
    return {
      text: `uses the protocol ${quote(protocol)}, which is not supported; use ${quotedList(PROTOCOLS)}.${hint}`,
      ...(meant !== undefined && meant !== protocol ? { replacement: `${meant}://${rest}` } : {}),
    };
  }

  if (address.problem !== undefined) return { text: address.problem };
  if (address.tail !== "") {
    const base = `${protocol}://${rest.slice(0, rest.length - address.tail.length)}`;
    if (address.tail === "/") return { text: `must not end with "/"; did you mean ${quote(base)}?`, replacement: base };
    return { text: `must not have a path, query or fragment; ${EXPECTED}, e.g. ${quote(base)}.`, replacement: base };
  }
  return undefined;
}

interface Address {
  host?: string;
  /** Whatever follows HOST:PORT ("/path", "?query"), empty when nothing does. */
  tail: string;
  /** Completes "The proxy server <quoted> ..." when host or port is wrong. */
  problem?: string;
}

function parseAddress(rest: string, protocol: string): Address {
  const cut = rest.search(/[/?#]/);
  const authority = cut === -1 ? rest : rest.slice(0, cut);
  const tail = cut === -1 ? "" : rest.slice(cut);
  let host: string;
  let port: string | undefined;
  if (authority.startsWith("[")) {
    // An IPv6 literal: its colons are not the port separator.
    const close = authority.indexOf("]");
    if (close === -1) return { tail, problem: 'has an IPv6 host without its closing "]".' };
    host = authority.slice(0, close + 1);
    const after = authority.slice(close + 1);
    if (after !== "" && !after.startsWith(":")) return { host, tail, problem: `has unexpected text after the host ${quote(host)}.` };
    port = after === "" ? undefined : after.slice(1);
  } else {
    const colons = authority.split(":").length - 1;
    if (colons > 1) return { tail, problem: "has more than one \":\"; an IPv6 host goes in brackets, as in \"http://[::1]:8080\"." };
    const colon = authority.indexOf(":");
    host = colon === -1 ? authority : authority.slice(0, colon);
    port = colon === -1 ? undefined : authority.slice(colon + 1);
  }
  if (host === "") return { host, tail, problem: `has no host; ${EXPECTED}.` };
  if (!host.startsWith("[") && !/^[A-Za-z0-9._-]+$/.test(host)) {
    return { host, tail, problem: `has an invalid host ${quote(host)}; a host name has only letters, digits, ".", "-" and "_".` };
  }
  if (port === undefined) return { host, tail, problem: `has no port; ${EXPECTED}, e.g. ${quote(`${protocol}://${host}:8080`)}.` };
  if (!/^\d+$/.test(port)) return { host, tail, problem: `has an invalid port ${quote(port)}; the port is a number from 1 to 65535.` };
  const number = Number(port);
  if (number < 1 || number > 65535) {
    return { host, tail, problem: `has the port ${port}, which is out of range; the port is a number from 1 to 65535.` };
  }
  return { host, tail };
}
