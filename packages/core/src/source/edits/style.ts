/** The file's line ending: CRLF when it has one, LF otherwise. */
export function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** The spaces and tabs that start the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let end = lineStart;
  while (end < offset && (text.charCodeAt(end) === 32 || text.charCodeAt(end) === 9)) end++;
  return text.slice(lineStart, end);
}

/** One level of indentation, as the file's first indented line has it (two spaces when none is). */
export function indentUnit(text: string): string {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith("\t")) return "\t";
  return indent ? " ".repeat(indent.length) : "  ";
}

/**
 * A value's text moved from a line indented `from` to one indented `to`: its first line stays, the
 * others keep their indentation relative to the value's line.
 */
export function reindent(valueText: string, from: string, to: string, eol: string): string {
  if (!valueText.includes("\n")) return valueText;
  return valueText
    .split(/\r?\n/)
    .map((line, index) => {
      if (index === 0) return line;
      const leading = /^[ \t]*/.exec(line)![0].length;
      return to + line.slice(Math.min(from.length, leading));
    })
    .join(eol);
}
