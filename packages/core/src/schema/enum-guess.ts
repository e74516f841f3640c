/**
 * Which allowed value a wrong one most likely meant. valid-enum says it ("did you mean ..."), and a
 * wrong proxy type is read as it for the proxy's other checks, so the two cannot disagree.
 */
import { didYouMean } from "../rules/util.js";

const PROXY_TYPE_PATTERN = "/configuration/session/proxy/type";
/** The protocols a custom proxy `server` accepts, as people write them in `type` by mistake. */
const PROXY_PROTOCOL = /^(https?|socks5)$/i;

export interface EnumGuess {
  guess?: string;
  /** The guess differs from the value only in letter case: certain (1password -> 1PASSWORD). */
  exactIgnoringCase?: string;
  /** `"type": "socks5"` for a proxy: a protocol, which goes in a custom proxy's `server`. */
  protocol?: string;
}

export function guessEnum(pattern: string, value: unknown, allowed: readonly string[]): EnumGuess {
  if (typeof value !== "string") return {};
  const exactIgnoringCase = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (exactIgnoringCase !== undefined) return { guess: exactIgnoringCase, exactIgnoringCase };
  // `"type": "socks5"` is someone describing their own proxy server: that is a custom proxy.
  if (pattern === PROXY_TYPE_PATTERN && PROXY_PROTOCOL.test(value) && allowed.includes("custom")) return { guess: "custom", protocol: value.toLowerCase() };
  const guess = didYouMean(value, allowed) ?? wordMatch(value, allowed);
  return guess === undefined ? {} : { guess };
}

/**
 * The one allowed value that has the input as a whole word: "residential" for "anchor_residential",
 * or a word that abbreviates it: "government" for "anchor_gov". Too far apart for edit distance,
 * yet what people type after reading "a residential proxy" or "a government proxy".
 */
function wordMatch(value: string, allowed: readonly string[]): string | undefined {
  const word = value.toLowerCase();
  const matches = allowed.filter((candidate) => candidate.toLowerCase().split(/[_-]/).includes(word));
  if (matches.length === 1) return matches[0];
  // Or a word of it abbreviates the input: "anchor_gov" for "government".
  const abbreviated = allowed.filter((candidate) => candidate.toLowerCase().split(/[_-]/).some((part) => part.length >= 3 && word.length > part.length && word.startsWith(part)));
  return matches.length === 0 && abbreviated.length === 1 ? abbreviated[0] : undefined;
}
