/**
 * Other words people write for a known key, each with the place it applies. A synonym is a guess
 * about what the user meant (a proxy's `country` could be a name as well as a code), so
 * known-property only offers the rename, never applies it unattended.
 */

/** `place` for every object with an on/off `active` key (recording, adblock, the proxy, ...). */
export const ON_OFF = "on/off";

export interface Synonym {
  /** Schema pattern of the object the words are written in (`*` for any array item), or {@link ON_OFF}. */
  place: string;
  /** Compared as key variants are: case, `_`, `-` and spaces do not count (`startUrl` is `start_url`). */
  words: readonly string[];
  key: string;
}

export const SYNONYMS: readonly Synonym[] = [
  { place: "", words: ["config"], key: "configuration" },
  { place: "/configuration/session", words: ["url", "start_url", "starting_url"], key: "initial_url" },
  { place: "/configuration/session/proxy", words: ["country"], key: "country_code" },
  { place: "/configuration/identities/*", words: ["identity_id"], key: "id" },
  { place: "/configuration/integrations/*", words: ["integration_id"], key: "id" },
  { place: ON_OFF, words: ["enabled", "enable"], key: "active" },
];
