import type { Node as JsonNode } from "jsonc-parser";
import type { Locator } from "../../language/locate.js";

/** What the edit builders need of a document: its text, its structure and a way to its nodes. */
export interface EditContext {
  readonly text: string;
  /**
   * Strict JSON with the same offsets as the text (comments, trailing commas and the BOM blanked
   * out), or the text itself when it has syntax errors: commas are searched here, never in a comment.
   */
  readonly structure: string;
  /** Whether `structure` has every comment blanked out (false for text with syntax errors). */
  readonly blanked: boolean;
  /** The parsed value, JSON semantics (the last duplicate key wins). */
  readonly root: unknown;
  /** Spans may be found by scanning `structure` (strict JSON, no tree built yet, a buildable depth). */
  scanning(): boolean;
  /** The cheap count proved every key unique: the first match of a key is the one. */
  unique(): boolean;
  nodeAt(pointer: string): JsonNode | undefined;
  /** Lookups in `structure` while scanning, sharing what earlier ones found. */
  locator(): Locator;
}
