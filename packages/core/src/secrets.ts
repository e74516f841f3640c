/**
 * The one model of what a credential is and how it is kept out of every output (docs/security.md).
 *
 * Credentials are:
 * - the value of every member named `username` or `password` (any case), or as people misspell or
 *   rename them (`passwd`, `pasword`, `usrename`, `proxy_password`: see isCredentialKey), of any
 *   type, in any object anywhere in the document: the API knows no other usernames or passwords, so
 *   such a member is a proxy's, correctly placed or not (`configuration.proxy`, a top-level `proxy`);
 *   so is the value of such a member that a later duplicate key overrides (JSON.parse drops it, the
 *   text and a fix's output keep it);
 * - the user and password of every URL written with userinfo (`http://alice:S3cret@host`), in values
 *   and keys, read as generously as the most lenient URL parser (see userinfoSpans);
 * - what a `server` member holds before its last `@` when it has no `scheme://` (`alice:S3cret@host`);
 * - in a text that is not JSON, what follows a `username` or `password` key as written, which no
 *   parsed value holds (see writtenCredentialSpans);
 * - the base64 of `username:password` of an object with both, as a `Basic` proxy header carries them.
 * Strings and numbers count, also inside arrays and objects under such a member; `true`, `false`,
 * `null`, `""` and `${env:NAME}` placeholders hold no secret.
 *
 * A credential is matched as written in the file, decoded, JSON-escaped and display-escaped, and
 * percent-encoded in any way (see percent-copies.ts). A
 * distinctive one (see `distinctive`) is masked wherever it occurs; a short one only as a whole value
 * (a quoted string, a number token, a pointer segment), since masking "ab" inside every word would
 * garble the messages while showing it inside a word tells nothing.
 */
import { escapeControls } from "./display.js";
import { isCredentialKey, isServerKey, MASK, maskUserinfo, serverUserinfoOf, userinfoOf } from "./credential-text.js";
import { withPercentCopiesMasked } from "./percent-copies.js";

export { MASK, maskUserinfo, writtenCredentialSpans } from "./credential-text.js";


function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const PLACEHOLDER = /^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$/;
/** A span of the source text, as rules and edits use. */
export interface Span {
  offset: number;
  length: number;
}

/** What is secret in one document, in every form it can take in output. */
export interface Credentials {
  /** The decoded values, as strings (numbers as written by `String`). */
  readonly values: readonly string[];
  /** Forms masked wherever they occur, longest first. */
  readonly anywhere: readonly string[];
  /** Forms masked only as whole values: quoted strings (matched with their quotes). */
  readonly quoted: readonly string[];
  /** Short values masked only as number tokens (`7` but not `17`). */
  readonly numbers: readonly string[];
  /** Where the credentials are written in the source text, when there is one. */
  readonly spans: readonly Span[];
}

export const NO_CREDENTIALS: Credentials = { values: [], anywhere: [], quoted: [], numbers: [], spans: [] };

/**
 * Whether a value can be masked wherever it occurs without garbling ordinary text: long enough, and
 * not a short plain word ("proxy" as a password must not mask "The proxy password ...").
 */
export function distinctive(value: string): boolean {
  return value.length >= 8 || (value.length >= 6 && !/^[A-Za-z]+$/.test(value));
}

interface Found {
  value: string | number;
  /** The pointer of the member's value; undefined for URL userinfo (inside a string). */
  pointer?: string;
}

/** What the text of a document with a credential must contain (see findCredentials and isCredentialKey). */
const CREDENTIAL_HINT = /[@\\]|us|ue|pa|ps|pw/i;

/**
 * Collects credential values from a parsed document (own enumerable data only, like JSON). Runs on
 * every lint: the walk builds no pointer until it meets a credential.
 */
function collect(root: unknown): Found[] {
  const found: Found[] = [];
  const path: string[] = [];
  const pointer = () => {
    let result = "";
    for (const segment of path) result += "/" + escapeSegment(segment);
    return result;
  };
  const leaves = (value: unknown) => {
    if (typeof value === "string") {
      if (value !== "" && !PLACEHOLDER.test(value)) found.push({ value, pointer: pointer() });
    } else if (typeof value === "number") {
      if (Number.isFinite(value)) found.push({ value, pointer: pointer() });
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(String(index));
        leaves(value[index]);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const key of Object.keys(value)) {
        path.push(key);
        leaves(value[key]);
        path.pop();
      }
    }
  };
  const walk = (value: unknown) => {
    // Deeper than any parser here builds; a hostile in-memory value must not exhaust the stack.
    if (path.length > 500) return;
    if (typeof value === "string") {
      if (value.includes("@")) for (const part of userinfoOf(value)) found.push({ value: part });
    } else if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item = value[index];
        if (typeof item !== "object" && typeof item !== "string") continue;
        path.push(String(index));
        walk(item);
        path.pop();
      }
    } else if (isObject(value)) {
      let username: unknown;
      let password: unknown;
      for (const key in value) {
        if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
        const child = value[key];
        // A key is output too (in messages and pointers): a URL written as one keeps its userinfo secret.
        if (key.includes("@")) for (const part of userinfoOf(key)) found.push({ value: part });
        if (isCredentialKey(key)) {
          if (key.length === 8) {
            const lower = key.toLowerCase();
            if (lower === "username") username = child;
            else if (lower === "password") password = child;
          }
          path.push(key);
          leaves(child);
          path.pop();
        } else if (typeof child === "string") {
          if (isServerKey(key) && child.includes("@")) for (const part of serverUserinfoOf(child)) found.push({ value: part });
          else walk(child);
        } else if (typeof child === "object") {
          path.push(key);
          walk(child);
          path.pop();
        }
      }
      if (username !== undefined && password !== undefined) for (const form of basicForms(username, password)) found.push({ value: form });
    }
  };
  walk(root);
  return found;
}

/**
 * A username and password as a `Proxy-Authorization: Basic` header carries them: the base64 of
 * `username:password` (UTF-8), with and without padding and in its URL-safe alphabet. A copy of it
 * in the file is the pair itself to anyone who decodes it; both must be a value of their own.
 */
function basicForms(username: unknown, password: unknown): string[] {
  const secret = (value: unknown) => (typeof value === "string" && value !== "" && !PLACEHOLDER.test(value)) || (typeof value === "number" && Number.isFinite(value));
  if (!secret(username) || !secret(password)) return [];
  const padded = base64(`${String(username)}:${String(password)}`);
  const forms = new Set([padded, padded.replace(/=+$/, "")]);
  for (const form of [...forms]) forms.add(form.replace(/\+/g, "-").replace(/\//g, "_"));
  return [...forms];
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 of a text's UTF-8, written out here: `btoa` takes Latin-1 only, and `Buffer` is Node's. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let result = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = (bytes[index]! << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    result += BASE64[(chunk >> 18) & 63]! + BASE64[(chunk >> 12) & 63]!;
    result += index + 1 < bytes.length ? BASE64[(chunk >> 6) & 63]! : "=";
    result += index + 2 < bytes.length ? BASE64[chunk & 63]! : "=";
  }
  return result;
}

function escapeSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The source text of a document, for {@link findCredentials}; TextDocumentSource.credentialSource() gives one. */
export interface CredentialSource {
  text: string;
  spanOf(pointer: string): Span | undefined;
  /** False when the text cannot hold a credential. */
  mayHoldCredentials?: () => boolean;
  /** True when every string is written in the text as JSON.parse read it: strict JSON, no backslash. */
  writtenAsParsed?: () => boolean;
  /** Members a later duplicate key overrides, which the parsed value no longer holds. */
  overridden?: () => readonly { key: string; value: unknown }[];
}

/**
 * The credentials of a document. `root` is the parsed value; with the source `text` and a way to find
 * a pointer's span in it, credentials are also matched as written (escapes and all) and by position.
 */
export function findCredentials(root: unknown, source?: CredentialSource): Credentials {
  // `root` is parsed from `source.text`: a credential key is written there as `username`/`password`
  // (any case) or with an escape, and a URL's userinfo with "@" or an escape. Most files have none,
  // and this one native search spares them the walk over every value (large metadata included).
  // A document that has walked its value already answers without a search of the text.
  if (source !== undefined && !(source.mayHoldCredentials ? source.mayHoldCredentials() : CREDENTIAL_HINT.test(source.text))) return NO_CREDENTIALS;
  const found = collect(root);
  // An overridden member's credentials are in no parsed value: matched by their forms only.
  for (const { key, value } of source?.overridden?.() ?? []) {
    const member: Record<string, unknown> = {};
    Object.defineProperty(member, key, { value, enumerable: true });
    for (const credential of collect(member)) found.push({ value: credential.value });
  }
  if (found.length === 0) return NO_CREDENTIALS;
  const values = new Set<string>();
  const anywhere = new Set<string>();
  const quoted = new Set<string>();
  const numbers = new Set<string>();
  // Each credential's span, in the order found; undefined until located, null when it has none.
  const located: (Span | null | undefined)[] = [];
  const pointers: (string | undefined)[] = [];
  const locate = (index: number): Span | null => {
    let span = located[index];
    if (span === undefined) {
      const found = source!.spanOf(pointers[index]!);
      span = located[index] = found && found.length > 0 ? found : null;
    }
    return span;
  };
  const addForms = (value: string) => {
    const json = JSON.stringify(value);
    quoted.add(json);
    quoted.add(escapeControls(json));
    if (!distinctive(value)) return;
    const inner = json.slice(1, -1);
    for (const form of [value, inner, escapeControls(value), escapeControls(inner)]) anywhere.add(form);
  };
  const plainText = source?.writtenAsParsed?.() === true;
  for (const { value, pointer } of found) {
    const text = String(value);
    values.add(text);
    addForms(text);
    if (typeof value === "number" && !distinctive(text)) numbers.add(text);
    if (source && pointer !== undefined) {
      const index = pointers.push(pointer) - 1;
      // Without a backslash in the file, a string that JSON.stringify writes unescaped is written
      // just so: its forms are added above, and its span waits until someone asks (most runs never do).
      if (plainText && typeof value === "string" && JSON.stringify(value).length === value.length + 2) continue;
      const span = locate(index);
      if (!span) continue;
      // As written: `"\u0061lice"` or `9.18e8` must be found in a fix that copies the value's text.
      const written = source.text.slice(span.offset, span.offset + span.length);
      if (written.startsWith('"') && written.length >= 2) {
        quoted.add(written);
        if (distinctive(text)) anywhere.add(written.slice(1, -1));
      } else if (distinctive(written)) anywhere.add(written);
      else numbers.add(written);
    }
  }
  let spans: Span[] | undefined;
  return {
    values: [...values],
    anywhere: [...anywhere].filter((form) => form !== "").sort((a, b) => b.length - a.length),
    quoted: [...quoted],
    numbers: [...numbers],
    get spans(): Span[] {
      if (!spans) {
        spans = [];
        for (let index = 0; index < pointers.length; index++) {
          const span = locate(index);
          if (span) spans.push(span);
        }
      }
      return spans;
    },
  };
}

/**
 * The credentials of a document together with those of an earlier text of it (what `fix()` started
 * from: a fix that replaced a password by a placeholder leaves a key equal to it to mask). Positions
 * are the document's own; the earlier text's no longer apply.
 */
export function withEarlier(credentials: Credentials, earlier: Credentials): Credentials {
  if (earlier.values.length === 0) return credentials;
  const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
  return {
    values: union(credentials.values, earlier.values),
    anywhere: union(credentials.anywhere, earlier.anywhere).sort((a, b) => b.length - a.length),
    quoted: union(credentials.quoted, earlier.quoted),
    numbers: union(credentials.numbers, earlier.numbers),
    get spans() {
      return credentials.spans;
    },
  };
}

function numberToken(value: string): RegExp {
  return new RegExp(`(?<![0-9A-Za-z.+-])${value.replace(/[.+-]/g, "\\$&")}(?![0-9A-Za-z.])`, "g");
}

/** A text (message, title, hover, symbol detail) with every credential masked. */
export function redactText(text: string, credentials: Credentials): string {
  return redactForms(text, credentials, PERCENT_DEPTH);
}

/** How many times a percent-encoded copy is decoded: once, and once more for a URL inside a URL (`%2521`). */
const PERCENT_DEPTH = 2;

function redactForms(text: string, credentials: Credentials, depth: number): string {
  let result = maskUserinfo(text);
  if (credentials.values.length === 0) return result;
  for (const form of credentials.quoted) if (result.includes(form)) result = result.split(form).join(`"${MASK}"`);
  for (const form of credentials.anywhere) if (result.includes(form)) result = result.split(form).join(MASK);
  for (const value of credentials.numbers) if (result.includes(value)) result = result.replace(numberToken(value), MASK);
  return depth > 0 && result.includes("%") ? withPercentCopiesMasked(result, credentials, (runs) => redactForms(runs, credentials, depth - 1)) : result;
}

/** Whether a text shows a credential (masking it would change it), or writes a credential member. */
export function carriesCredential(text: string, credentials: Credentials): boolean {
  if (credentials.values.length === 0) return maskUserinfo(text) !== text;
  if (redactText(text, credentials) !== text) return true;
  // A re-serialised proxy (`"password": 7`) carries its credentials, short ones included.
  return /"(username|password)"\s*:\s*(?!""|"\$\{env:[A-Za-z_][A-Za-z0-9_]*\}"|true\b|false\b|null\b)[^\s}\]]/i.test(text);
}

/** Whether the source text from `start` to `end` holds a credential as written. */
export function spansCredential(start: number, end: number, credentials: Credentials): boolean {
  return credentials.spans.some((span) => span.offset < end && span.offset + span.length > start);
}

/** A JSON pointer with every segment that is, or shows, a credential masked. */
export function redactPointer(pointer: string, credentials: Credentials): string {
  if (pointer === "") return pointer;
  const values = new Set(credentials.values);
  const segments = pointer.slice(1).split("/");
  let changed = false;
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!;
    const decoded = segment.replace(/~1/g, "/").replace(/~0/g, "~");
    let masked: string;
    if (values.has(decoded)) masked = MASK;
    else {
      masked = maskUserinfo(decoded);
      for (const form of credentials.anywhere) if (masked.includes(form)) masked = masked.split(form).join(MASK);
      // Percent-encoded copies too; quoted, since a segment is a whole value (a short credential's copy).
      if (masked.includes("%")) masked = withPercentCopiesMasked(`"${masked}"`, credentials, (runs) => redactForms(runs, credentials, PERCENT_DEPTH - 1)).slice(1, -1);
      if (masked === decoded) continue;
    }
    segments[index] = escapeSegment(masked);
    changed = true;
  }
  return changed ? `/${segments.join("/")}` : pointer;
}

/**
 * The credentials of the document being linted, for `quote()` to mask values before it shortens
 * them: a long password cut at 60 characters no longer matches, and its first 59 would be printed.
 * Linting is synchronous, so one slot, saved and restored around each run, is enough.
 */
let active: Credentials = NO_CREDENTIALS;

export function withCredentials<T>(credentials: Credentials, run: () => T): T {
  const saved = active;
  active = credentials;
  try {
    return run();
  } finally {
    active = saved;
  }
}

/** `redactText` with the credentials of the run in progress (none outside a run). */
export function redactActive(text: string): string {
  return redactText(text, active);
}

/** Whether a pointer is, or is inside, a credential member: its value is never quoted in a message. */
export function isCredentialPointer(pointer: string): boolean {
  return pointer.split("/").some((segment) => isCredentialKey(segment.replace(/~1/g, "/").replace(/~0/g, "~")));
}
