/**
 * The string formats the generated validator checks by function. `uri` accepts exactly what
 * ajv-formats' full `uri` format accepts (RFC 3986, a scheme required; an IP literal over 1,024
 * characters aside), but in one pass over the
 * string: ajv-formats' regular expression backtracks once per character and overflows the stack on a
 * URL of a few megabytes, which made every schema rule fail on such a file.
 */

const HEX = /^[0-9a-f]$/i;

function isAlphaNumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// RFC 3986's unreserved ("-._~") and sub-delims ("!$&'()*+,;=") besides letters and digits.
const UNRESERVED_OR_SUB_DELIM = new Set("-._~!$&'()*+,;=".split("").map((char) => char.charCodeAt(0)));

/**
 * Whether `text[start, end)` is made only of the characters `allowed` accepts and of `%XX` escapes.
 * `allowed` never accepts `%` itself.
 */
function allChars(text: string, start: number, end: number, allowed: (code: number) => boolean): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 37 /* % */) {
      if (index + 2 >= end) return false;
      if (!HEX.test(text[index + 1]!) || !HEX.test(text[index + 2]!)) return false;
      index += 2;
    } else if (!allowed(code)) {
      return false;
    }
  }
  return true;
}

const isRegNameChar = (code: number): boolean => isAlphaNumeric(code) || UNRESERVED_OR_SUB_DELIM.has(code);
const isUserInfoChar = (code: number): boolean => isRegNameChar(code) || code === 58; /* : */
const isPathChar = (code: number): boolean => isUserInfoChar(code) || code === 64 /* @ */ || code === 47; /* / */
const isQueryChar = (code: number): boolean => isPathChar(code) || code === 63; /* ? */

// IP-literal of RFC 3986 (IPv6 or IPvFuture), as ajv-formats writes it; bounded by the brackets.
const IP_LITERAL =
  /^\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]$/i;

// An IP literal longer than this is no IPv6 address, and an IPvFuture that long exists nowhere.
const MAX_IP_LITERAL = 1024;

function isDigits(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** `[userinfo "@"] host [":" port]`, where host is an IP literal or a (possibly empty) reg-name (IPv4 is one). */
function isAuthority(text: string, start: number, end: number): boolean {
  const at = text.indexOf("@", start);
  let host = start;
  if (at >= 0 && at < end) {
    if (!allChars(text, start, at, isUserInfoChar)) return false;
    host = at + 1;
  }
  let hostEnd: number;
  if (text.charCodeAt(host) === 91 /* [ */ && host < end) {
    const close = text.indexOf("]", host);
    if (close < 0 || close >= end || close + 1 - host > MAX_IP_LITERAL || !IP_LITERAL.test(text.slice(host, close + 1))) return false;
    hostEnd = close + 1;
  } else {
    hostEnd = host;
    while (hostEnd < end && text.charCodeAt(hostEnd) !== 58 /* : */) hostEnd++;
    if (!allChars(text, host, hostEnd, isRegNameChar)) return false;
  }
  if (hostEnd === end) return true;
  return text.charCodeAt(hostEnd) === 58 && isDigits(text, hostEnd + 1, end);
}

/** RFC 3986 URI with a scheme: what ajv-formats' full `uri` format accepts, in linear time. */
export function uri(text: string): boolean {
  // scheme ":" : a letter, then letters, digits, "+", "-" or ".".
  if (text.length === 0 || !/[a-z]/i.test(text[0]!)) return false;
  let colon = 1;
  for (; colon < text.length; colon++) {
    const code = text.charCodeAt(colon);
    if (!(isAlphaNumeric(code) || code === 43 || code === 45 || code === 46)) break;
  }
  if (text.charCodeAt(colon) !== 58) return false;
  const start = colon + 1;
  // No part before the query holds "?" or "#", and the query holds no "#".
  let hierEnd = start;
  while (hierEnd < text.length) {
    const code = text.charCodeAt(hierEnd);
    if (code === 63 || code === 35) break;
    hierEnd++;
  }
  if (hierEnd < text.length) {
    let fragment = text.indexOf("#", hierEnd);
    if (fragment < 0) fragment = text.length;
    if (text.charCodeAt(hierEnd) === 63 && !allChars(text, hierEnd + 1, fragment, isQueryChar)) return false;
    if (fragment < text.length && !allChars(text, fragment + 1, text.length, isQueryChar)) return false;
  }
  return isHierPart(text, start, hierEnd);
}

/**
 * ajv-formats' hier-part: `"/"? "//"`-less forms included, as its expression has them:
 * ("/" | "//") authority path-abempty, or "/" [segment-nz *("/" segment)], or segment-nz *("/" segment).
 */
function isHierPart(text: string, start: number, end: number): boolean {
  if (start === end) return false;
  const pathOnly = allChars(text, start, end, isPathChar);
  if (text.charCodeAt(start) !== 47 /* / */) return pathOnly;
  // "/" alone, or "/" then a segment that does not start with "/".
  if (pathOnly && (end === start + 1 || text.charCodeAt(start + 1) !== 47)) return true;
  for (const prefix of [1, 2]) {
    const authority = start + prefix;
    if (prefix === 2 && text.charCodeAt(start + 1) !== 47) continue;
    let authorityEnd = text.indexOf("/", authority);
    if (authorityEnd < 0 || authorityEnd > end) authorityEnd = end;
    if (isAuthority(text, authority, authorityEnd) && allChars(text, authorityEnd, end, isPathChar)) return true;
  }
  return false;
}

/** The formats object the generated validator reads (`formats.uri`). */
export const formats = { uri } as const;
