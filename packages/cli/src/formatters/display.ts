import { escapeControls } from "@anchor-lint/core";

/**
 * File text (a message quoting a key, a pointer, a read error) as a human-readable report shows it:
 * controls, separators and bidi characters escaped by the core's one rule (docs/security.md).
 */
export function shown(text: string): string {
  return escapeControls(text);
}

/**
 * A file name as the first thing on a report line. Escaped like any file text; and a name that would
 * make the line start with `:` (after blanks, which GitHub's runner skips), so that a file named
 * `::error::x.anchor.json` would read as a workflow command, is written `./::error::x.anchor.json`.
 */
export function shownPath(path: string): string {
  const escaped = escapeControls(path);
  return /^\s*:/.test(escaped) ? `./${escaped}` : escaped;
}
