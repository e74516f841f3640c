import { defineRule } from "../rule.js";
import { displayPath, patternOf, propertyName } from "../schema/schema-errors.js";
import { docOf } from "../schema/property-info.js";
import { guessEnum } from "../schema/enum-guess.js";
import { getAt, parsePointer, quote, quotedList } from "./util.js";

/** Up to this many allowed values are listed in the message; longer lists only get "did you mean". */
const MAX_LISTED = 8;

export default defineRule({
  meta: {
    id: "valid-enum",
    description: "A value with a fixed set of choices (proxy type, integration type, load mode) must be one of them.",
    defaultSeverity: "error",
    fixable: "safe",
    category: "schema",
  },
  check(context) {
    for (const error of context.schemaErrors()) {
      if (error.keyword !== "enum") continue;
      // A number or null where a string is expected is one mistake, and valid-type reports it.
      if (context.schemaErrors().some((other) => other.keyword === "type" && other.pointer === error.pointer)) continue;
      const value = getAt(context.root, parsePointer(error.pointer));
      // The schema's branch for the proxy lists only one side of the dispatch; the docs list every type.
      const pattern = patternOf(context.root, error.pointer);
      const allowed = (docOf(pattern)?.enum ?? (error.params.allowedValues as unknown[] | undefined) ?? []).map(String);
      const name = propertyName(error.pointer);
      const { guess, exactIgnoringCase, protocol } = guessEnum(pattern, value, allowed);
      const listed = allowed.length <= MAX_LISTED ? ` Allowed: ${quotedList(allowed)}.` : "";
      const hint = guess ? ` Did you mean ${JSON.stringify(guess)}?${protocol ? ` The protocol goes in "server" ("${protocol}://HOST:PORT").` : ""}` : "";
      const replacement = guess ? context.source.replaceValue(error.pointer, guess) : undefined;
      context.report({
        pointer: error.pointer,
        message: `${quote(value)} is not a valid ${name} for ${displayPath(error.pointer.slice(0, error.pointer.lastIndexOf("/")))}.${hint}${listed}`,
        // Only a difference of letter case is certain enough to apply unattended (1password -> 1PASSWORD).
        fix: exactIgnoringCase ? { title: `Replace with ${JSON.stringify(exactIgnoringCase)}`, safety: "safe", edits: replacement } : undefined,
        suggestions: guess && !exactIgnoringCase ? [{ title: `Replace with ${JSON.stringify(guess)}`, safety: "unsafe", edits: replacement }] : undefined,
      });
    }
  },
});

