import { visit } from "jsonc-parser";
import { syntaxProblemOf, type SyntaxProblem } from "./parse.js";
import { containerTracker, type ContainedParseError } from "./array-commas.js";

/** Above this many syntax errors the text is hardly JSON (garbage, a file of unquoted keys): no repair is tried. */
const MAX_ERRORS_TO_EXPLAIN = 200;
/** Each repair is a parse of the whole text: past this size the parser's own errors are reported as they are. */
const MAX_TEXT_TO_REPAIR = 4 * 1024 * 1024;

/** What a user would most likely change at the first error: drop the token, or write what is missing. */
const REPAIRS: readonly { insert: string; remove: boolean }[] = [
  { insert: "", remove: true },
  { insert: "null", remove: false },
  { insert: ",", remove: false },
  { insert: ":", remove: false },
];

/**
 * The syntax errors a user would see one after the other: the first error, then those of the text
 * with that one repaired; undefined when no repair leaves fewer errors than there are now. After an
 * error jsonc-parser guesses how to go on, and a wrong guess (a stray comma after `"metadata":` read
 * as the end of the request) reports errors all the way to the end of the file, or none where the
 * next real mistake is. Each repair of the first error is parsed again, and the one that leaves the
 * fewest errors tells what is left; its errors are placed back in the text as written.
 */
export function syntaxErrorsAfterFirst(text: string, problems: readonly SyntaxProblem[]): SyntaxProblem[] | undefined {
  const syntax = problems.filter((problem) => problem.kind === "syntax");
  if (syntax.length < 2 || syntax.length > MAX_ERRORS_TO_EXPLAIN || text.length > MAX_TEXT_TO_REPAIR) return undefined;
  const first = syntax[0]!;
  // The tree was built with a BOM read as a space; so is every repair, so that offsets agree.
  const base = text.charCodeAt(0) === 0xfeff ? " " + text.slice(1) : text;
  const repairs: { at: number; insert: string; removed: number; closesString?: string }[] = REPAIRS.map((repair) => ({ at: first.offset, insert: repair.insert, removed: repair.remove ? first.length : 0 }));
  // A string cut off at the end of its line (`"a": "one⏎"b": 1`): most likely its closing quote is missing.
  // Or before the comma that ends the line (`"a": "one,`): the quote was left out, not the comma.
  if (first.code === UNTERMINATED_STRING) {
    const lineEnd = first.offset + first.length;
    const trimmed = base.slice(first.offset, lineEnd).trimEnd();
    // Tried in this order, the first that leaves the fewest errors kept: a line ending in a comma
    // most likely lost the quote before it, not a quote and a comma after it.
    if (trimmed.endsWith(",")) repairs.push({ at: first.offset + trimmed.length - 1, insert: '"', removed: 0, closesString: `${UNCLOSED} before the comma that ends the line.` });
    repairs.push({ at: lineEnd, insert: '"', removed: 0, closesString: `${UNCLOSED} at the end of the line.` });
    repairs.push({ at: lineEnd, insert: '",', removed: 0, closesString: `${UNCLOSED}, and the comma after it, at the end of the line.` });
  }

  let best: { errors: ContainedParseError[]; delta: number; end: number; closesString: string | undefined } | undefined;
  for (const repair of repairs) {
    if (repair.insert === "" && repair.removed === 0) continue;
    const repaired = base.slice(0, repair.at) + repair.insert + base.slice(repair.at + repair.removed);
    const errors = errorsOf(repaired, (best?.errors.length ?? syntax.length - 1) - 1);
    if (errors !== undefined) best = { errors, delta: repair.insert.length - repair.removed, end: repair.at + repair.insert.length, closesString: repair.closesString };
  }
  if (best === undefined) return undefined;
  const { delta, end } = best;
  // An error inside what the repair wrote is the repair's own, not the user's.
  const after = best.errors.filter((error) => error.offset >= end).map((error) => syntaxProblemOf(base, { ...error, offset: error.offset - delta }));
  const said = best.closesString ? { ...first, message: best.closesString, withheld: best.closesString } : first;
  return [said, ...after];
}

const UNTERMINATED_STRING = 12;
const UNCLOSED = 'Unterminated string: its closing quote (") is missing';

/** The syntax errors of a text, or undefined as soon as there are more than `most`. */
function errorsOf(text: string, most: number): ContainedParseError[] | undefined {
  if (most < 0) return undefined;
  const errors: ContainedParseError[] = [];
  let tooMany = false;
  const tracker = containerTracker();
  visit(
    text,
    {
      ...tracker.callbacks,
      onError: (error, offset, length) => {
        if (errors.length >= most) tooMany = true;
        else errors.push({ error, offset, length, ...(tracker.commaInArray(error) ? { inArray: true } : {}) });
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false },
  );
  return tooMany ? undefined : errors;
}
