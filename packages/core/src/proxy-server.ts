/**
 * A custom proxy's `server`: the PROTOCOL://HOST:PORT grammar the API expects, and the server put
 * together from parts written in keys of their own (`"port": 8080`, `"protocol": "socks5"`, a
 * `host` for the server), which the API ignores. custom-proxy-server and required-property report
 * those parts with the server (one mistake, one finding); known-property leaves them to them.
 */
import { didYouMean, escapePointerSegment, getAt, isObject, quote, quotedList } from "./rules/util.js";

export const PROTOCOLS = ["http", "https", "socks5"] as const;
export const EXPECTED = `expected PROTOCOL://HOST:PORT with ${quotedList(PROTOCOLS)} as the protocol`;
export const EXAMPLE_HOST = "proxy.example.com";
const PROXY = "/configuration/session/proxy";

/** Keys people write a server's port and protocol under, compared in lower case; the API knows none of them. */
const PORT_KEYS: readonly string[] = ["port", "proxy_port"];
const PROTOCOL_KEYS: readonly string[] = ["protocol", "scheme"];

/** A part of the server written in a key of its own. */
export interface ServerPart {
  key: string;
  pointer: string;
  value: unknown;
}

export interface ServerParts {
  port?: ServerPart;
  protocol?: ServerPart;
}

/** The first key of the proxy (at `pointer`) holding the port, and the first holding the protocol. */
export function serverPartsOf(proxy: Record<string, unknown>, pointer = PROXY): ServerParts {
  const parts: ServerParts = {};
  for (const key of Object.keys(proxy)) {
    const name = key.toLowerCase();
    const part = { key, pointer: `${pointer}/${escapePointerSegment(key)}`, value: proxy[key] };
    if (parts.port === undefined && PORT_KEYS.includes(name)) parts.port = part;
    else if (parts.protocol === undefined && PROTOCOL_KEYS.includes(name)) parts.protocol = part;
  }
  return parts;
}

export function partsList(parts: ServerParts): ServerPart[] {
  return [parts.port, parts.protocol].filter((part): part is ServerPart => part !== undefined);
}

/**
 * The custom proxy's server (a string, not a valid address, with no credentials in it) and its parts
 * written beside it: custom-proxy-server's one finding. Undefined when there is no such server or no part.
 */
export function splitServerOf(root: unknown): { server: string; proxy: Record<string, unknown>; parts: ServerParts } | undefined {
  const proxy = getAt(root, ["configuration", "session", "proxy"]);
  if (!isObject(proxy) || proxy["type"] !== "custom") return undefined;
  const server = proxy["server"];
  if (typeof server !== "string" || server.includes("@") || checkServer(server) === undefined) return undefined;
  const parts = serverPartsOf(proxy);
  return partsList(parts).length > 0 ? { server, proxy, parts } : undefined;
}

/** Pointers of the keys {@link splitServerOf} finds: known-property does not report them again. */
export function splitServerKeys(root: unknown): string[] {
  const split = splitServerOf(root);
  return split ? partsList(split.parts).map((part) => part.pointer) : [];
}

const PLACEHOLDER = "\\$\\{env:[A-Za-z_][A-Za-z0-9_]*\\}";
const PLACEHOLDER_ONLY = new RegExp(`^${PLACEHOLDER}$`);
// [PROTOCOL://]HOST[:PORT][/], a `${env:NAME}` standing for the host or the port kept as written.
const ADDRESS = new RegExp(`^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+\\]|${PLACEHOLDER})(?::(\\d+|${PLACEHOLDER}))?/?$`);

export type Joined =
  /** `guessed`: no protocol is written anywhere, http is assumed. `missing`: what the server lacked. */
  | { server: string; guessed: boolean; placeholder: boolean; missing: ("protocol" | "port")[] }
  /** Completes "The proxy server <quoted> ..." with why the parts do not make a server. */
  | { problem: string }
  /** The server is not HOST[:PORT] with an optional protocol: its own problem comes first. */
  | undefined;

/** The server `host` makes with the parts written apart, or why they do not make one. */
export function joinServer(host: string, parts: ServerParts): Joined {
  const match = ADDRESS.exec(host);
  if (!match) return undefined;
  const [, scheme, name, writtenPort] = match;
  if (writtenPort !== undefined && !PLACEHOLDER_ONLY.test(writtenPort) && !validPort(Number(writtenPort))) return undefined;
  const missing: ("protocol" | "port")[] = [...(scheme === undefined ? ["protocol" as const] : []), ...(writtenPort === undefined ? ["port" as const] : [])];

  let protocol = scheme?.toLowerCase();
  if (protocol !== undefined && !(PROTOCOLS as readonly string[]).includes(protocol)) {
    return { problem: `uses the protocol ${quote(scheme)}, which is not supported; use ${quotedList(PROTOCOLS)}.` };
  }
  if (parts.protocol !== undefined) {
    const given = protocolName(parts.protocol.value);
    if (given === undefined || !(PROTOCOLS as readonly string[]).includes(given)) {
      const meant = typeof parts.protocol.value === "string" ? didYouMean(parts.protocol.value, PROTOCOLS) : undefined;
      return {
        problem:
          `has no protocol, and ${JSON.stringify(parts.protocol.key)} gives ${quote(parts.protocol.value)}, which the API does not accept: ` +
          `the protocol is ${quotedList(PROTOCOLS)}.${meant !== undefined ? ` Did you mean ${JSON.stringify(meant)}?` : ""}`,
      };
    }
    if (protocol !== undefined && protocol !== given) {
      return { problem: `has the protocol ${quote(protocol)}, while ${JSON.stringify(parts.protocol.key)} says ${quote(given)}; which protocol is meant is yours to say.` };
    }
    protocol = given;
  }

  let port = writtenPort;
  if (parts.port !== undefined) {
    const given = portOf(parts.port.value);
    if (given === undefined) {
      return { problem: `has no port, and ${JSON.stringify(parts.port.key)} gives ${quote(parts.port.value)}, which is not a port: the port is a number from 1 to 65535.` };
    }
    if (port !== undefined && port !== given) {
      const has = scheme === undefined ? `has no protocol and the port ${port}` : `has the port ${port}`;
      return { problem: `${has}, while ${JSON.stringify(parts.port.key)} says ${given}; which port is meant is yours to say.` };
    }
    port = given;
  }
  if (port === undefined) return { problem: `has no port; ${EXPECTED}, e.g. ${quote(`${protocol ?? "http"}://${name}:8080`)}.` };
  const server = `${protocol ?? "http"}://${name}:${port}`;
  return { server, guessed: protocol === undefined, placeholder: server.includes("${"), missing };
}

/** `"SOCKS5"`, `"socks5://"`, `" http: "` name a protocol; anything else does not. */
function protocolName(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const name = value.trim().replace(/:(\/\/)?$/, "").toLowerCase();
  return /^[a-z][a-z0-9+.-]*$/.test(name) ? name : undefined;
}

/** A port written as a number, a string of digits or a `${env:NAME}` placeholder (kept as written). */
function portOf(value: unknown): string | undefined {
  if (typeof value === "string" && PLACEHOLDER_ONLY.test(value)) return value;
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,5}$/.test(text)) return undefined;
  return validPort(Number(text)) ? String(Number(text)) : undefined;
}

function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

/**
 * A custom proxy's `host` and port written for its missing `server`, and its protocol when written
 * too: the server they make (http when no protocol is written, which the user confirms), or undefined.
 * Never one holding a placeholder: load() resolves none in the server (custom-proxy-server says so).
 */
export function serverOf(host: unknown, parts: ServerParts): string | undefined {
  if (typeof host !== "string") return undefined;
  const joined = joinServer(host, parts);
  return joined !== undefined && "server" in joined && !joined.placeholder ? joined.server : undefined;
}

export interface ServerProblem {
  /** Completes "The proxy server <quoted> ...". */
  text: string;
  /** A corrected server the user probably meant. */
  replacement?: string;
}

/** The first thing wrong with a server, in the order a reader would fix them; undefined when it is valid. */
export function checkServer(server: string): ServerProblem | undefined {
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
    return { host, tail, problem: `has an invalid host ${quote(host)}; a host name has only ASCII letters, digits, ".", "-" and "_".` };
  }
  if (port === undefined) return { host, tail, problem: `has no port; ${EXPECTED}, e.g. ${quote(`${protocol}://${host}:8080`)}.` };
  if (!/^\d+$/.test(port)) return { host, tail, problem: `has an invalid port ${quote(port)}; the port is a number from 1 to 65535.` };
  const number = Number(port);
  if (number < 1 || number > 65535) {
    return { host, tail, problem: `has the port ${port}, which is out of range; the port is a number from 1 to 65535.` };
  }
  return { host, tail };
}

