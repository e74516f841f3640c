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
