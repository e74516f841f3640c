import validateRequest from "./generated/validate-request.js";
import { countMembers, countWrittenKeys } from "./source/document.js";

/**
 * The first facts lint() establishes about a text, computed on their own: a pipeline can compute
 * them on another thread (the CLI's reader thread does, while its main thread lints) and hand them
 * to lint() with the same text, which then skips that work. Only "yes" answers are used: a false
 * fact makes lint() look for itself.
 */
export interface Precheck {
  /** Length of the text the facts are about: lint() ignores facts about another text. */
  length: number;
  /** The text is strict JSON and the request passes the JSON Schema: no schema errors to collect. */
  schemaValid: boolean;
  /** The text is strict JSON and no object has a key written twice. */
  uniqueKeys: boolean;
}

/** Establishes the {@link Precheck} facts of a text. Never throws. */
export function precheck(text: string): Precheck {
  const facts: Precheck = { length: text.length, schemaValid: false, uniqueKeys: false };
  try {
    const root: unknown = JSON.parse(text);
    facts.schemaValid = validateRequest(root) === true;
    facts.uniqueKeys = countWrittenKeys(text) === countMembers(root);
  } catch {
    // Not strict JSON (or too deep to check): lint() finds out why.
  }
  return facts;
}
