import { SyntaxKind } from "./syntax-kind.js";
import { createScanner, parseTree, type Node as JsonNode, type ParseError } from "jsonc-parser";
import { joinStringLineBreaks } from "./string-line-breaks.js";
import type { SyntaxProblem } from "./syntax-problem.js";
import { COMMA_EXPECTED, markArrayCommas, type ContainedParseError } from "./array-commas.js";

/**
 * Deeper nesting than this is refused before building a tree: jsonc-parser recurses per level and
 * would overflow the stack on adversarial input; no real config comes near it.
 */
export const MAX_NESTING_DEPTH = 256;

export type { SyntaxProblem } from "./syntax-problem.js";

export interface ParsedText {
  /** Undefined when the text has no value at all or is too deeply nested to build. */
  tree: JsonNode | undefined;
  problems: SyntaxProblem[];
}

const Token = SyntaxKind;

/** Tokens a value ends with (string, number, true, false, null, "}" and "]"): a comma after one is a separator. */
const VALUE_ENDS: ReadonlySet<number> = new Set([Token.CloseBrace, Token.CloseBracket, Token.Null, Token.True, Token.False, Token.String, Token.Number]);

const parseErrorMessages: Record<number, string> = {
  1: "Unexpected character",
  2: "Invalid number",
  3: "Expected a property name in double quotes",
  4: "Expected a value",
  5: "Expected ':' after the property name",
  6: "Expected ',' between members",
  7: "Expected '}' to close the object",
  8: "Expected ']' to close the array",
  9: "Expected the end of the file after the value",
  10: "Invalid comment",
  11: "Unterminated block comment",
  12: "Unterminated string",
  13: "Unterminated number",
  14: "Invalid unicode escape sequence",
  15: "Invalid escape character in string",
  16: "Invalid character in string (control characters must be escaped)",
};

/**
 * What the user sees at an offset, for messages: a literal or number whole (`true`, `42`), other
 * printable characters quoted, the rest as U+XXXX.
 */
function describeCharAt(text: string, offset: number): string {
  if (offset >= text.length) return "the end of the file";
  const value = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)(?![\w$.])/.exec(text.slice(offset, offset + 32))?.[0];
  if (value !== undefined) return value;
  const code = text.codePointAt(offset)!;
  if (code >= 0x20 && code < 0x7f) return `'${String.fromCodePoint(code)}'`;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** What the scanner pass found, on the text the tree is built from (a BOM replaced by a space). */
interface Scanned {
  text: string;
  problems: SyntaxProblem[];
  tooDeep: boolean;
  /**
   * The text with comments, trailing commas and the BOM blanked out to spaces (every offset kept),
   * when only those stand between the text and strict JSON as far as the scanner can tell; else undefined.
   */
  blanked: string | undefined;
}

/**
 * One pass of jsonc-parser's scanner that finds what strict JSON forbids but JSONC allows (comments,
 * trailing commas) and refuses nesting beyond MAX_NESTING_DEPTH.
 */
function scan(input: string): Scanned {
  const problems: SyntaxProblem[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({ kind: "byte-order-mark", message: "The file starts with a byte order mark (U+FEFF), which JSON does not allow.", offset: 0, length: 1 });
    // A space keeps every offset in place while the tree is built.
    text = " " + text.slice(1);
  }
  const scanner = createScanner(text, false);
  let depth = 0;
  let pendingComma: { offset: number } | undefined;
  // Spans to blank for the strict-JSON fast path, and whether blanking them can be trusted: a comma
  // right after "[" or "{" or an unterminated comment is an error that blanking would hide.
  const blanks: { offset: number; length: number }[] = [];
  let blankable = true;
  let previous: number = Token.EOF;
  for (let token = scanner.scan(); token !== Token.EOF; token = scanner.scan()) {
    switch (token) {
      case Token.LineComment:
      case Token.BlockComment:
        problems.push({
          kind: "comment",
          message: "Comments are not allowed in JSON: the API accepts strict JSON only.",
          offset: scanner.getTokenOffset(),
          length: tokenLength(text, scanner),
        });
        if (scanner.getTokenError() !== 0) blankable = false;
        blanks.push({ offset: scanner.getTokenOffset(), length: tokenLength(text, scanner) });
        continue;
      case Token.LineBreak:
      case Token.Trivia:
        continue;
      case Token.OpenBrace:
      case Token.OpenBracket:
        depth++;
        if (depth > MAX_NESTING_DEPTH) {
          problems.push({
            kind: "too-deep",
            message: `Nesting is deeper than ${MAX_NESTING_DEPTH} levels; a batch-session request never needs that much.`,
            offset: scanner.getTokenOffset(),
            length: 1,
          });
          return { text, problems, tooDeep: true, blanked: undefined };
        }
        break;
      case Token.CloseBrace:
      case Token.CloseBracket:
        if (pendingComma) {
          problems.push({
            kind: "trailing-comma",
            message: "Trailing commas are not allowed in JSON: the API accepts strict JSON only.",
            offset: pendingComma.offset,
            length: 1,
          });
          blanks.push({ offset: pendingComma.offset, length: 1 });
        }
        depth = Math.max(0, depth - 1);
        break;
      case Token.Comma:
        if (!VALUE_ENDS.has(previous)) blankable = false;
        break;
    }
    pendingComma = token === Token.Comma ? { offset: scanner.getTokenOffset() } : undefined;
    previous = token;
  }
  let blanked: string | undefined;
  if (blankable) {
    // A trailing comma is only known at the bracket, after the comments that follow it.
    blanks.sort((a, b) => a.offset - b.offset);
    blanked = "";
    let copied = 0;
    for (const { offset, length } of blanks) {
      blanked += text.slice(copied, offset) + " ".repeat(length);
      copied = offset + length;
    }
    blanked += text.slice(copied);
  }
  return { text, problems, tooDeep: false, blanked };
}

/**
 * The problems strict JSON has with a text, and the tree (jsonc-parser's, which recovers from errors
 * and keeps comments apart).
 */
export function parseText(input: string): ParsedText {
  const scanned = scan(input);
  if (scanned.tooDeep) return { tree: undefined, problems: scanned.problems };
  return withTree(scanned);
}

export interface LenientParse {
  problems: SyntaxProblem[];
  /** Set when the text is strict JSON once its comments, trailing commas and BOM are blanked out. */
  strict?: { text: string; value: unknown };
  /** jsonc-parser's tree otherwise (undefined when there is no value or it is too deep). */
  tree?: JsonNode | undefined;
  tooDeep: boolean;
}

/**
 * For the linter: a text that is strict JSON but for comments, trailing commas or a BOM (the usual
 * JSONC) is parsed by JSON.parse after blanking them, with every offset kept, so that its tree is
 * built only when needed and by the strict builder; anything else gets jsonc-parser's tree.
 */
export function parseLenient(input: string, options: { quick?: boolean } = {}): LenientParse {
  // When the quick pass blanked the text and JSON.parse still refused it, the full scan blanks it
  // the same way: parsing that text again would only fail again.
  let refused: string | undefined;
  if (options.quick !== false) {
    const quick = quickBlank(input);
    if (quick) {
      try {
        return { problems: quick.problems, strict: { text: quick.blanked, value: JSON.parse(quick.blanked) }, tooDeep: false };
      } catch {
        // Not only comments and trailing commas: the full scan below says what.
        refused = quick.blanked;
      }
    }
  }
  const scanned = scan(input);
  if (scanned.tooDeep) return { problems: scanned.problems, tree: undefined, tooDeep: true };
  if (scanned.blanked !== undefined && scanned.blanked !== refused) {
    try {
      return { problems: scanned.problems, strict: { text: scanned.blanked, value: JSON.parse(scanned.blanked) }, tooDeep: false };
    } catch {
      // A real syntax error: jsonc-parser says where.
    }
  }
  const parsed = withTree(scanned);
  return { problems: parsed.problems, tree: parsed.tree, tooDeep: false };
}

const COMMENT_MESSAGE = "Comments are not allowed in JSON: the API accepts strict JSON only.";
const TRAILING_COMMA_MESSAGE = "Trailing commas are not allowed in JSON: the API accepts strict JSON only.";
const STRUCTURE = /["/,]/g;

/**
 * The usual JSONC (strict JSON but for comments, trailing commas and a BOM), blanked out the way
 * `scan` does, with the same problems in the same order: found by hopping between quotes, slashes
 * and commas with native searches instead of scanning every token. Undefined for anything it is
 * not sure of (an unterminated comment, a lone slash): the full scan handles those.
 */
export function quickBlank(input: string): { blanked: string; problems: SyntaxProblem[] } | undefined {
  const problems: SyntaxProblem[] = [];
  const blanks: { offset: number; length: number }[] = [];
  let text = input;
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push({ kind: "byte-order-mark", message: "The file starts with a byte order mark (U+FEFF), which JSON does not allow.", offset: 0, length: 1 });
    text = " " + text.slice(1);
  }
  /** The end of the comment at `at` (a slash), recorded; -1 when it is not a well-formed comment. */
  const comment = (at: number): number => {
    const next = text.charCodeAt(at + 1);
    let end: number;
    if (next === 47 /* / */) {
      end = at + 2;
      while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
    } else if (next === 42 /* * */) {
      const close = text.indexOf("*/", at + 2);
      if (close < 0) return -1;
      end = close + 2;
    } else return -1;
    problems.push({ kind: "comment", message: COMMENT_MESSAGE, offset: at, length: end - at });
    blanks.push({ offset: at, length: end - at });
    return end;
  };
  STRUCTURE.lastIndex = 0;
  // test() and lastIndex, not exec(): exec allocates a match for every string and comma of the text.
  while (STRUCTURE.test(text)) {
    const at = STRUCTURE.lastIndex - 1;
    const code = text.charCodeAt(at);
    if (code === 34 /* " */) {
      let close = at;
      for (;;) {
        close = text.indexOf('"', close + 1);
        if (close < 0) return undefined;
        let backslashes = 0;
        while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      STRUCTURE.lastIndex = close + 1;
    } else if (code === 47 /* / */) {
      const end = comment(at);
      if (end < 0) return undefined;
      STRUCTURE.lastIndex = end;
    } else {
      // A comma: trailing when only whitespace and comments stand between it and a closing bracket.
      let next = at + 1;
      for (;;) {
        const c = text.charCodeAt(next);
        if (c === 32 || c === 10 || c === 13 || c === 9) next++;
        else if (c === 47) {
          next = comment(next);
          if (next < 0) return undefined;
        } else {
          if (c === 125 /* } */ || c === 93 /* ] */) {
            // Only after a value ("[,]" is an error that blanking would hide); a comment right before
            // the comma leaves the question to the full scan.
            let before = at - 1;
            while (before >= 0 && /\s/.test(text[before]!)) before--;
            let last = blanks.length - 1;
            while (last >= 0 && blanks[last]!.offset > at) last--;
            if (last >= 0 && before < blanks[last]!.offset + blanks[last]!.length) return undefined;
            if (!/["\]}0-9a-z]/.test(text[before] ?? "")) return undefined;
            problems.push({ kind: "trailing-comma", message: TRAILING_COMMA_MESSAGE, offset: at, length: 1 });
            blanks.push({ offset: at, length: 1 });
          }
          break;
        }
      }
      STRUCTURE.lastIndex = next;
    }
  }
  if (blanks.length === 0 && text === input) return undefined;
  blanks.sort((a, b) => a.offset - b.offset);
  let blanked = "";
  let copied = 0;
  for (const { offset, length } of blanks) {
    blanked += text.slice(copied, offset) + " ".repeat(length);
    copied = offset + length;
  }
  return { blanked: blanked + text.slice(copied), problems };
}

/**
 * Syntax errors kept per text: binary garbage has one per token (5 million in 10 MB of `x `, 1.4 GB
 * as problems; 50 MB ran out of memory). json-syntax reports the first 20 and counts the rest.
 */
export const MAX_SYNTAX_ERRORS = 100_000;

function withTree(scanned: Scanned): ParsedText {
  const { text, problems } = scanned;
  const parsed = treeOf(text);
  const joined = joinStringLineBreaks(text, parsed.syntax);
  if (joined) {
    // A string broken over lines is one problem: the rest are those of the text with it joined,
    // comments included (a URL on the string's second line is no `//` comment).
    const rescanned = scan(joined.text);
    if (!rescanned.tooDeep) {
      const again = treeOf(joined.text);
      const syntax = [...again.syntax, ...joined.strings].sort((a, b) => a.offset - b.offset);
      const bom = problems.filter((problem) => problem.kind === "byte-order-mark");
      return { tree: again.tree, problems: [...bom, ...rescanned.problems, ...syntax] };
    }
  }
  return { tree: parsed.tree, problems: [...problems, ...parsed.syntax] };
}

function treeOf(text: string): { tree: JsonNode | undefined; syntax: SyntaxProblem[] } {
  const errors: ParseError[] = [];
  // jsonc-parser only pushes onto the array it is given.
  const kept = { push: (error: ParseError) => (errors.length < MAX_SYNTAX_ERRORS ? errors.push(error) : errors.length) } as unknown as ParseError[];
  const tree = parseTree(text, kept, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.some((error) => error.error === COMMA_EXPECTED)) markArrayCommas(text, errors);
  return { tree, syntax: errors.map((error) => syntaxProblemOf(text, error)) };
}

/** jsonc-parser's error in the user's words, quoting the character of `text` it stopped at. */
export function syntaxProblemOf(text: string, error: ContainedParseError): SyntaxProblem {
  const base = error.inArray ? "Expected ',' between array elements" : (parseErrorMessages[error.error] ?? "Invalid JSON");
  const found = error.error === 3 || error.error === 4 || error.error === 1 || error.error >= 5 && error.error <= 9
    ? `; found ${describeCharAt(text, error.offset)}`
    : "";
  return {
    kind: "syntax",
    code: error.error,
    message: `${base}${found}.${found ? thousandsHint(text, error.offset) : ""}`,
    ...(found ? { withheld: `${base}.` } : {}),
    offset: error.offset,
    length: Math.max(error.length, error.offset < text.length ? 1 : 0),
  };
}

/**
 * `1,000` read as 1 and a stray `000`: the number the user wrote, when the error stops at three
 * digits right after a comma that follows a number in groups of three.
 */
function thousandsHint(text: string, offset: number): string {
  const after = /^\d{3}(?:,\d{3})*(?![\d.eE])/.exec(text.slice(offset, offset + 64))?.[0];
  if (after === undefined || text[offset - 1] !== ",") return "";
  const before = /(?:^|[^\w.,-])(-?\d{1,3}(?:,\d{3})*)$/.exec(text.slice(Math.max(0, offset - 65), offset - 1))?.[1];
  if (before === undefined) return "";
  return ` JSON numbers have no thousands separators: did you mean ${`${before},${after}`.replace(/,/g, "")}?`;
}

/** The scanner's token length, kept inside the text: an unterminated `/*` before CRLF counts one past the end. */
function tokenLength(text: string, scanner: ReturnType<typeof createScanner>): number {
  return Math.min(scanner.getTokenLength(), text.length - scanner.getTokenOffset());
}

/** Why a JSON text that is not a request (a config file) does not parse, and where. */
export interface JsonSyntaxError {
  message: string;
  /** In UTF-16 code units, as the text is given (a leading BOM included). */
  offset: number;
  length: number;
}

// The request linter's words for these speak of the API; a config file is read by anchor-lint only.
const PLAIN_MESSAGES: Partial<Record<SyntaxProblem["kind"], string>> = {
  comment: "Comments are not allowed in JSON.",
  "trailing-comma": "Trailing commas are not allowed in JSON.",
  "too-deep": `Nesting is deeper than ${MAX_NESTING_DEPTH} levels.`,
};

/**
 * The first syntax error of a strict JSON text that may start with a BOM, in words and at offsets
 * of its own (V8's JSON.parse messages change between Node versions, and some give no position);
 * undefined when there is none. For a text JSON.parse has refused: it finds the reason again.
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let first: SyntaxProblem | undefined;
  for (const problem of parseText(text).problems) {
    if (problem.kind !== "byte-order-mark" && (first === undefined || problem.offset < first.offset)) first = problem;
  }
  if (first === undefined) return undefined;
  return { message: PLAIN_MESSAGES[first.kind] ?? first.message, offset: first.offset, length: first.length };
}
