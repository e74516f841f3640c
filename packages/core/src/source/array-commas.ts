import { visit, type JSONVisitor, type ParseError } from "jsonc-parser";

/** jsonc-parser's CommaExpected, for object members and array elements alike. */
export const COMMA_EXPECTED = 6;

/** A parse error, and for a missing comma whether it is between array elements (not object members). */
export interface ContainedParseError extends ParseError {
  inArray?: boolean;
}

/**
 * A visitor's container callbacks that keep track of whether the innermost open container is an
 * array, and a question for an error callback: is a missing comma there between array elements?
 */
export function containerTracker(): { callbacks: JSONVisitor; commaInArray: (error: number) => boolean } {
  const open: boolean[] = [];
  return {
    callbacks: {
      onObjectBegin: () => void open.push(false),
      onObjectEnd: () => void open.pop(),
      onArrayBegin: () => void open.push(true),
      onArrayEnd: () => void open.pop(),
    },
    commaInArray: (error) => error === COMMA_EXPECTED && open[open.length - 1] === true,
  };
}

/**
 * Marks the missing commas of `errors` that are between array elements: parseTree does not say
 * which container an error is in, a visit of the same text with the same options does.
 */
export function markArrayCommas(text: string, errors: ContainedParseError[]): void {
  const inArray = new Set<number>();
  const tracker = containerTracker();
  visit(
    text,
    {
      ...tracker.callbacks,
      onError: (error, offset) => {
        if (tracker.commaInArray(error)) inArray.add(offset);
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false },
  );
  for (const error of errors) if (error.error === COMMA_EXPECTED && inArray.has(error.offset)) error.inArray = true;
}
