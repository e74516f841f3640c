/**
 * Other names people give the properties the API requires (how close a misspelt key is to a name is
 * key-guesses.ts's to say, as for known-property). A synonym written where its required key is missing is most likely that key
 * (required-property says so), but it is a guess: renaming `url` to `server` is only offered.
 */
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
