/**
 * Where credentials are written in a text, as opposed to which members hold them (secrets.ts): the
 * userinfo of URLs, a proxy server's userinfo without a scheme, and in a text that is not JSON what
 * follows a credential key as written.
 */

/** What every credential is shown as. */
export const MASK = "****";

/** A URL scheme with its colon (`https:`). */
// Only the start of a run of scheme characters may start one: from inside a long run without a colon,
// every position would read the rest of the run again.
const SCHEME = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:/g;
/** Schemes URL parsers read an authority after even without slashes (`http:alice:pw@host`): WHATWG's special ones, and the proxy ones. */
const SLASHLESS_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "ws", "wss", "ftp", "socks", "socks4", "socks5"]);

/** What ends an authority here: `/`, `?`, `#`, a quote, `<`, `>` or a line break. */
function endsAuthority(code: number): boolean {
  return code === 47 || code === 63 || code === 35 || code === 34 || code === 39 || code === 60 || code === 62 || code === 10 || code === 13;
}

/**
 * The userinfo of every URL in a text, as [start, end) with `end` at its `@`. Read as generously as the
 * most lenient URL parser, since a credential shown is worse than a mask too many: after the scheme any
 * run of slashes or backslashes (`https:\\alice:pw@host`; none for http and the like), and the
 * userinfo up to the authority's last `@`, so it may hold spaces, tabs, backslashes and `@`
 * (`https://alice:p@ss w0rd@host`, which Node's URL reads as that password). Linear in the text: the
 * authority's end and its last `@` are found once per authority, however many schemes it holds.
 */
function userinfoSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  if (!text.includes("@")) return spans;
  let authorityEnd = -1;
  let lastAt = -1;
  for (const match of text.matchAll(SCHEME)) {
    let start = match.index + match[0].length;
    while (text.charCodeAt(start) === 47 || text.charCodeAt(start) === 92) start++;
    if (start === match.index + match[0].length && !SLASHLESS_SCHEMES.has(match[0].slice(0, -1).toLowerCase())) continue;
    if (authorityEnd < start) {
      lastAt = -1;
      for (authorityEnd = start; authorityEnd < text.length; authorityEnd++) {
        const code = text.charCodeAt(authorityEnd);
        if (endsAuthority(code)) break;
        if (code === 64) lastAt = authorityEnd;
      }
    }
    // A scheme inside an earlier URL's userinfo ("http:u http:v@h") is masked with it already.
    if (lastAt >= start && (spans.length === 0 || start >= spans[spans.length - 1]!.end)) spans.push({ start, end: lastAt });
  }
  return spans;
}

/** `server` in any case: the API knows it only as the proxy's, where userinfo is the proxy's credentials. */
export function isServerKey(key: string): boolean {
  return key.length === 6 && key.toLowerCase() === "server";
}

/**
 * The credentials in a proxy server: a URL's userinfo, or what comes before the last `@` when it is
 * written without `scheme://` (`alice:S3cret@host:8080`, `//alice@host`, `socks5h:alice:S3cret@host`),
 * which a URL parser would not call userinfo but a proxy client sends as credentials.
 */
export function serverUserinfoOf(server: string): string[] {
  const parts = userinfoOf(server);
  if (parts.length > 0) return parts;
  const userinfo = server.slice(0, server.lastIndexOf("@")).replace(/^[/\\]+/, "");
  return userinfo === "" ? [] : [userinfo, ...partsOf(userinfo)];
}

/** The user and password of every URL with userinfo in a string, raw and percent-decoded. */
export function userinfoOf(text: string): string[] {
  const parts: string[] = [];
  for (const { start, end } of userinfoSpans(text)) parts.push(...partsOf(text.slice(start, end)));
  return parts;
}

/** A userinfo's user and password (split at its first colon), each raw and percent-decoded. */
function partsOf(userinfo: string): string[] {
  const parts: string[] = [];
  const colon = userinfo.indexOf(":");
  for (const part of colon < 0 ? [userinfo] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)]) {
    if (part === "") continue;
    parts.push(part);
    try {
      const decoded = decodeURIComponent(part);
      if (decoded !== part) parts.push(decoded);
    } catch {
      // Not valid percent-encoding: the raw form is the only one.
    }
  }
  return parts;
}

/** A credential key as a text that is not JSON may write it: in double, single or no quotes, then its colon. */
// A quoted key needs no colon after it: `"password" 98765432` is a credential with the colon left out.
const WRITTEN_CREDENTIAL_KEY = /(?:(["'])(?:username|password)\1\s*:?|(?:username|password)\s*:)\s*/gi;

/**
 * Where a text that may not be JSON writes credential values: after each `username` or `password` key
 * (any case, any quotes or none) to the end of the member as a reader sees it, a quoted value to its
 * closing quote (even one broken over a line), then to the next `,`, `}`, `]` or line end. The parser
 * reads `"password": Hunter2` as a stray word that no parsed value holds, so only its place can tell a
 * message not to quote it. Linear: a key inside a value already spanned is not looked at again.
 */
export function writtenCredentialSpans(text: string): { offset: number; length: number }[] {
  const spans: { offset: number; length: number }[] = [];
  const keys = new RegExp(WRITTEN_CREDENTIAL_KEY.source, "gi");
  for (let match = keys.exec(text); match !== null; match = keys.exec(text)) {
    const start = match.index + match[0].length;
    let end = start;
    const quote = text[start];
    if (quote === '"' || quote === "'") {
      let lineBreaks = 0;
      for (end = start + 1; end < text.length && text[end] !== quote; end++) {
        if (text[end] === "\\") end++;
        else if (text[end] === "\n" && ++lineBreaks > 1) break;
      }
      if (text[end] === quote) end++;
    }
    while (end < text.length && !",}]\r\n".includes(text[end]!)) end++;
    // A number written with thousands separators (`12,345`) is one value to its writer: all of it.
    if (/^\s*-?\d{1,3}\s*$/.test(text.slice(start, end))) {
      for (let group = /^,\d{3}(?!\d)/.exec(text.slice(end, end + 5)); group; group = /^,\d{3}(?!\d)/.exec(text.slice(end, end + 5))) end += 4;
    }
    if (end > start) spans.push({ offset: start, length: end - start });
    keys.lastIndex = Math.max(keys.lastIndex, end);
  }
  return spans;
}

/** Masks the userinfo of every URL in a text, whatever the document holds. */
export function maskUserinfo(text: string): string {
  const spans = userinfoSpans(text);
  if (spans.length === 0) return text;
  let masked = "";
  let copied = 0;
  for (const { start, end } of spans) {
    masked += text.slice(copied, start) + MASK;
    copied = end;
  }
  return masked + text.slice(copied);
}

/**
 * Whether a key has "us", "ue", "pa", "ps" or "pw" in any case, as every key {@link isCredentialKey}
 * accepts does: a loop over its characters rules out almost every other key (this runs on every key
 * of every file, where a regular expression cost six times the old test for two names).
 */
function hasCredentialFragment(key: string): boolean {
  for (let index = 0; index < key.length - 1; index++) {
    const code = key.charCodeAt(index) | 0x20;
    const next = key.charCodeAt(index + 1) | 0x20;
    if (code === 117 /* u */ ? next === 115 /* s */ || next === 101 /* e */ : code === 112 /* p */ && (next === 97 /* a */ || next === 115 /* s */ || next === 119) /* w */) return true;
  }
  return false;
}
const CREDENTIAL_ENDING = /(?:password|passwd|pwd|passphrase|username|usrname)$/;

/**
 * Whether a key names a username or password: `username` or `password` in any case, and what people
 * write for them (`Password `, `passwd`, `pwd`, `proxy_password`, `userName`, `user`, `pass`, and
 * one or two typos away: `pasword`, `usrename`). The linter tells the user such a key is a misspelt
 * credential; its value is one all the same, and must not be printed (docs/security.md).
 */
export function isCredentialKey(key: string): boolean {
  // Keys repeat across files (a corpus of 10,000 has fewer than 200 distinct ones), and this runs on
  // every key of every file: looked up, it costs about half of looking at the characters.
  let known = credentialKeys.get(key);
  if (known === undefined) {
    if (credentialKeys.size >= MAX_REMEMBERED_KEYS) credentialKeys.clear();
    known = looksLikeCredentialKey(key);
    credentialKeys.set(key, known);
  }
  return known;
}

/** Bounds the memory a file with millions of distinct keys can take here. */
const MAX_REMEMBERED_KEYS = 4096;
const credentialKeys = new Map<string, boolean>();

function looksLikeCredentialKey(key: string): boolean {
  const length = key.length;
  if (length === 8) {
    const lower = key.toLowerCase();
    if (lower === "username" || lower === "password") return true;
  }
  if (length < 3 || length > 40 || !hasCredentialFragment(key)) return false;
  const letters = key.toLowerCase().replace(/[^a-z]/g, "");
  if (letters === "user" || letters === "pass" || CREDENTIAL_ENDING.test(letters)) return true;
  return letters.length >= 6 && letters.length <= 10 && (withinTwoEdits(letters, "password") || withinTwoEdits(letters, "username"));
}

/** Edit distance at most 2, for words of at most ten letters. */
function withinTwoEdits(a: string, b: string): boolean {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]! <= 2;
}
