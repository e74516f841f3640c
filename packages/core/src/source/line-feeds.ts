/**
 * The offsets of a text's line feeds, found once: counting them from the start for every question
 * made thousands of syntax errors or edits in one file take seconds.
 */
export function lineFeedsOf(text: string): number[] {
  const feeds: number[] = [];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) feeds.push(index);
  return feeds;
}

/** How many of `feeds` come before `offset`: the 0-based line that holds it. */
export function feedsBefore(feeds: readonly number[], offset: number): number {
  let low = 0;
  let high = feeds.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (feeds[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
