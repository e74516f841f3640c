import type { TextEdit } from "../../types.js";
import { applyEdits } from "../../fix.js";
import { TextDocumentSource } from "../document.js";
import type { SourceDocument } from "../types.js";
import { differingSpan } from "./move.js";
import { withEffect, type EditEffect } from "./effects.js";

/**
 * Edits that each start from the text the previous ones made (removing two neighbouring members
 * on their own would both claim the comma between them; moving several members into one object
 * would insert them all at one offset), as one edit of the original text, with what they do as a
 * whole (`effect`: what the fix checks hold it to). Undefined when a step cannot edit.
 */
export function editsInTurn(text: string | undefined, steps: readonly ((source: SourceDocument) => TextEdit[] | undefined)[], effect: EditEffect): TextEdit[] | undefined {
  if (text === undefined) return undefined;
  let current = text;
  for (const step of steps) {
    const edits = step(new TextDocumentSource(current));
    if (edits === undefined) return undefined;
    current = applyEdits(current, edits);
  }
  return withEffect([differingSpan(text, current)], effect);
}
