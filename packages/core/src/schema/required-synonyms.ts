/**
 * Other names people give the properties the API requires, and how close a misspelt key is to the
 * name it stands for. A synonym written where its required key is missing is most likely that key
 * (required-property says so), but it is a guess: renaming `url` to `server` is only offered.
 */
import { editDistance } from "../rules/util.js";
// `Count`, `count `, `load-mode`, `loadMode`: the same word, as known-property reads keys.
import { normalizeKey } from "./key-guesses.js";

/** By the required property's schema path pattern; compared after {@link normalizeKey}. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  "/count": ["sessions", "num_sessions", "number_of_sessions", "session_count", "sessions_count"],
  "/configuration/session/proxy/active": ["enabled", "enable"],
  "/configuration/session/proxy/server": ["url", "host", "hostname", "address", "proxy_url", "endpoint"],
  "/configuration/session/proxy/username": ["user", "login"],
  "/configuration/session/proxy/password": ["pass", "passwd", "pwd"],
  "/configuration/integrations/*/configuration": ["config", "settings"],
  "/configuration/integrations/*/configuration/load_mode": ["mode"],
};


/** Which of the missing required properties of an object (at `parentPattern`) the key names by another word. */
export function requiredSynonymOf(parentPattern: string, key: string, missing: Iterable<string>): string | undefined {
  const word = normalizeKey(key);
  for (const name of missing) {
    if ((SYNONYMS[`${parentPattern}/${name}`] ?? []).some((synonym) => normalizeKey(synonym) === word)) return name;
  }
  return undefined;
}

/**
 * Whether a key is the name spelt another way: the same word but for case, spaces, `_` and `-`, or
 * one edit away from it (`sever`) when the name is long enough for one edit to be a slip rather
 * than another word (`d` or `ip` for `id`). Only such a rename is certain enough to apply
 * unattended; a farther near-miss (`isActive` for `active`) may be another word.
 */
export function isSpellingOf(key: string, name: string): boolean {
  const [a, b] = [normalizeKey(key), normalizeKey(name)];
  return a === b || (b.length >= MIN_LENGTH_FOR_ONE_EDIT && editDistance(a, b) <= 1);
}

/** Below this, one edit makes another short word: `id`/`ip`, `to`/`go`. */
const MIN_LENGTH_FOR_ONE_EDIT = 4;

/** A custom proxy's host and port, written as their own keys, joined into a `server` value when both are plain. */
export function serverOf(host: unknown, port: unknown): string | undefined {
  const number = typeof port === "number" ? port : typeof port === "string" && /^[0-9]{1,5}$/.test(port) ? Number(port) : NaN;
  if (!Number.isInteger(number) || number < 1 || number > 65535) return undefined;
  if (typeof host !== "string") return undefined;
  // A host with a protocol keeps it; one without gets http, which the user confirms (a suggestion).
  const match = /^(?:(https?|socks5):\/\/)?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)\/?$/i.exec(host);
  if (!match) return undefined;
  return `${(match[1] ?? "http").toLowerCase()}://${match[2]}:${number}`;
}
