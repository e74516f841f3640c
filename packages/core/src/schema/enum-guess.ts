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
  const close = didYouMean(value, allowed);
  const guess = (close !== undefined && !wordReplaced(value, close) ? close : undefined) ?? wordMatch(value, allowed);
  return guess === undefined ? {} : { guess };
}

/**
 * Whether the value and a close allowed value share a start or an end and differ in a whole word
 * between them, letter for letter: "anchor_isp" is not "anchor_gov" mistyped, though only three
 * letters apart. A typo keeps some letters of the word it spoils ("anchor_gvo", "anchor_go").
 */
function wordReplaced(value: string, candidate: string): boolean {
  const a = value.toLowerCase();
  const b = candidate.toLowerCase();
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start + end === 0) return false;
  const left = a.slice(start, a.length - end);
  const right = b.slice(start, b.length - end);
  if (left.length < 3 || right.length < 3) return false;
  return ![...left].some((letter) => right.includes(letter));
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
