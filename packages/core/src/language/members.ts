import { createScanner, type JSONPath, type JSONScanner } from "jsonc-parser";

import { SyntaxKind } from "../source/syntax-kind.js";
import { readPlainMembers, type Member } from "./member-run.js";

const { OpenBrace: OPEN_BRACE, CloseBrace: CLOSE_BRACE, OpenBracket: OPEN_BRACKET, CloseBracket: CLOSE_BRACKET, Comma: COMMA, Colon: COLON, String: STRING, EOF: EOF_TOKEN } = SyntaxKind;

export type { Member } from "./member-run.js";

/**
 * The members of the object at `path`, found by scanning tokens down that path only, without
 * building a tree: completion on a multi-megabyte file must not parse all of it. Tolerates the
 * broken text of a document being typed (missing commas, values or closing brackets).
 * Undefined when `path` does not lead to an object. `keys`: only the members of those names (an
 * object of 300,000 unknown keys lists none of them); `plain` false: the scanner only, for tests.
 */
export function objectMembers(text: string, path: JSONPath, options: { keys?: ReadonlySet<string>; plain?: boolean } = {}): Member[] | undefined {
  const found = scanTo(text, path);
  if (!found || found.token !== OPEN_BRACE) return undefined;
  const { scanner } = found;
  const members: Member[] = [];
  // Plain members by characters, the rest (from the first that is not plain) with the scanner.
  const { keys } = options;
  const rest = options.plain !== false ? readPlainMembers(text, scanner.getPosition(), members, keys) : scanner.getPosition();
  if (rest < 0) return members;
  scanner.setPosition(rest);
  forEachMember(scanner, (key, keyOffset, valueToken) => {
    if (keys && !keys.has(key)) return false;
    members.push({
      key,
      keyOffset,
      valueKind: valueToken,
      value: valueToken === STRING ? scanner.getTokenValue() : undefined,
    });
    return false;
  });
  return members;
}

/** Whether the value at `path` is an object, an array or something else (undefined: no such value). */
export function containerAt(text: string, path: JSONPath): "object" | "array" | "other" | undefined {
  const found = scanTo(text, path);
  if (!found) return undefined;
  return found.token === OPEN_BRACE ? "object" : found.token === OPEN_BRACKET ? "array" : "other";
}

function scanTo(text: string, path: JSONPath): { scanner: JSONScanner; token: number } | undefined {
  const scanner = createScanner(text, true);
  let token: number | undefined = scanner.scan();
  for (const segment of path) {
    token = descend(scanner, token, segment);
    if (token === undefined) return undefined;
  }
  return token === EOF_TOKEN ? undefined : { scanner, token };
}

/** The value of a member as JSON.parse would keep it: the last of duplicates. */
export function lastMember(members: readonly Member[] | undefined, key: string): Member | undefined {
  let found: Member | undefined;
  for (const member of members ?? []) if (member.key === key) found = member;
  return found;
}

/** Moves from the container whose first token is `token` into its child `segment`; returns the child's first token. */
function descend(scanner: JSONScanner, token: number, segment: string | number): number | undefined {
  if (token === OPEN_BRACE && typeof segment === "string") {
    let found: number | undefined;
    forEachMember(scanner, (key, _offset, valueToken) => {
      // The first match, as jsonc-parser's getLocation reports the path of the member being edited.
      if (key === segment && valueToken !== undefined) {
        found = valueToken;
        return true;
      }
      return false;
    });
    return found;
  }
  if (token === OPEN_BRACKET && typeof segment === "number") {
    let index = 0;
    let next = scanner.scan();
    while (next !== EOF_TOKEN && next !== CLOSE_BRACKET) {
      if (next === COMMA) {
        index++;
        next = scanner.scan();
        continue;
      }
      if (index === segment) return next;
      next = skipValue(scanner, next);
    }
    return undefined;
  }
  return undefined;
}

/**
 * Calls `visit` for each member of the object whose `{` was just scanned, with the value's first
 * token (undefined when the value is missing); `visit` returning true stops with the scanner on
 * that token. Otherwise the value is skipped.
 */
function forEachMember(scanner: JSONScanner, visit: (key: string, keyOffset: number, valueToken: number | undefined) => boolean): void {
  let token = scanner.scan();
  while (token !== EOF_TOKEN && token !== CLOSE_BRACE) {
    if (token !== STRING) {
      // A stray token (a missing key, a value typed without quotes): skip it as a whole value.
      token = token === COMMA || token === COLON ? scanner.scan() : skipValue(scanner, token);
      continue;
    }
    const key = scanner.getTokenValue();
    const keyOffset = scanner.getTokenOffset();
    token = scanner.scan();
    if (token !== COLON) {
      if (visit(key, keyOffset, undefined)) return;
      continue;
    }
    token = scanner.scan();
    const hasValue = token !== COMMA && token !== CLOSE_BRACE && token !== EOF_TOKEN && token !== COLON;
    if (visit(key, keyOffset, hasValue ? token : undefined)) return;
    if (hasValue) token = skipValue(scanner, token);
  }
}

/** Skips the value starting at `token` (nested containers included); returns the token after it. */
function skipValue(scanner: JSONScanner, token: number): number {
  if (token === OPEN_BRACE || token === OPEN_BRACKET) {
    let depth = 1;
    while (depth > 0) {
      const next = scanner.scan();
      if (next === EOF_TOKEN) return next;
      if (next === OPEN_BRACE || next === OPEN_BRACKET) depth++;
      else if (next === CLOSE_BRACE || next === CLOSE_BRACKET) depth--;
    }
  }
  return scanner.scan();
}
