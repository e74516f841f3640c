import type { Position, SourceRange } from "../types.js";

/** Converts offsets to 1-based line/column positions; the line table is built on first use. */
export class LineMap {
  private lineStarts: number[] | undefined;
  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.lineStarts ??= computeLineStarts(this.text));
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1, offset: clamped };
  }

  range(offset: number, length: number): SourceRange {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  // indexOf finds line feeds far faster than a loop over every character; only CR needs the loop.
  if (!text.includes("\r")) {
    for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
    return starts;
  }
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 10) starts.push(index + 1);
    else if (code === 13) {
      if (text.charCodeAt(index + 1) === 10) index++;
      starts.push(index + 1);
    }
  }
  return starts;
}
