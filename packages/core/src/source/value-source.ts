import type { DuplicateKey, SourceDocument } from "./types.js";
import type { SyntaxProblem } from "./parse.js";

/** A document for an in-memory value: pointers only, no ranges, no edits. */
export class ValueSource implements SourceDocument {
  readonly text = undefined;
  readonly tree = undefined;
  readonly syntaxProblems: readonly SyntaxProblem[] = [];
  duplicateKeys(): DuplicateKey[] {
    return [];
  }
  constructor(readonly root: unknown) {}
  nodeAt(): undefined {
    return undefined;
  }
  lineOf(): undefined {
    return undefined;
  }
  writtenValue(): undefined {
    return undefined;
  }
  replaceValue(): undefined {
    return undefined;
  }
  renameKey(): undefined {
    return undefined;
  }
  removeProperty(): undefined {
    return undefined;
  }
  removeElement(): undefined {
    return undefined;
  }
  moveProperty(): undefined {
    return undefined;
  }
}
