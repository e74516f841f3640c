/**
 * The one escaping rule for text that came from a file (keys, values, file names) and is shown to a
 * person: in a terminal, a CI log, an editor. Characters that a terminal or a log parser acts on, or
 * that make text read differently from what it is, are shown as `\uXXXX` instead (docs/security.md):
 * - C0 controls (U+0000-U+001F: newline, carriage return, ESC starting terminal sequences), DEL and
 *   the C1 controls (U+007F-U+009F; U+009B is an 8-bit CSI), which JSON.stringify leaves raw;
 * - the line and paragraph separators U+2028/U+2029, which some viewers break lines at;
 * - the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), which reorder
 *   what is displayed ("Trojan Source");
 * - the invisible characters (zero-width space, joiners, word joiner and invisible operators, soft
 *   hyphen, U+180E, U+206A-U+206F, U+FEFF): a key "country\u200b_code" pasted from a web page would
 *   print as "country_code", and a finding about it would make no sense;
 * - the `[` of `##[` and of `##vso[`: GitHub's runner reads its legacy `##[command]` form, and
 *   Azure Pipelines' agent its `##vso[task.setvariable ...]` logging commands, anywhere in a line.
 * Lines starting with `::` (GitHub's workflow commands) cannot come from a file once newlines are
 * escaped; where a line starts with a file name, the formatters guard it (`./::x`).
 */
// `##\[` rather than a lookbehind `(?<=##)\[`: with a lookbehind the regex engine cannot skip ahead
// to the first character a match can start with, and the search took four times as long. `vso` in
// any case, as the agent may match it.
const DISPLAY_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|##(?:[vV][sS][oO])?\[/g;
/** The same without C0: JSON text escapes those itself, and its own layout has newlines. */
const JSON_UNSAFE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]|##(?:[vV][sS][oO])?\[/g;

function unicodeEscape(match: string): string {
  // "##[" keeps its "##" and "##vso[" its "##vso": only the bracket is escaped.
  const at = match.length - 1;
  return `${match.slice(0, at)}\\u${match.charCodeAt(at).toString(16).padStart(4, "0")}`;
}

/** The text with every control, separator, bidi and invisible character shown as `\uXXXX`. */
export function escapeControls(text: string): string {
  DISPLAY_UNSAFE.lastIndex = 0;
  return DISPLAY_UNSAFE.test(text) ? text.replace(DISPLAY_UNSAFE, unicodeEscape) : text;
}

/** Whether a text holds a character that {@link escapeControls} would escape. */
export function hasControls(text: string): boolean {
  DISPLAY_UNSAFE.lastIndex = 0;
  return DISPLAY_UNSAFE.test(text);
}

/**
 * JSON text with the characters above written as `\uXXXX` escapes, which JSON.stringify leaves raw
 * (DEL, C1, the separators, bidi controls): the same JSON value, safe to print. They can only occur
 * inside strings (`##[` and `##vso[` too), where the escape means the very same character.
 */
export function escapeJsonControls(json: string): string {
  JSON_UNSAFE.lastIndex = 0;
  return JSON_UNSAFE.test(json) ? json.replace(JSON_UNSAFE, unicodeEscape) : json;
}
