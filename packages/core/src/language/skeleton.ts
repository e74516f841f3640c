import { walkJsonc } from "./walk.js";

/**
 * What completion and hover read instead of a large text: the text with every object and array
 * that closes before the cursor emptied (`{}`, `[]`), and in each container around the cursor the
 * members before the one that holds the cursor left out. The path to the cursor and everything
 * from the cursor on are the text's own, so jsonc-parser's getLocation and the member scans give
 * the same answers, but read a few characters where the text has megabytes of `metadata` or
 * thousands of keys before the cursor.
 *
 * Only array indices on the path change (the elements before are left out); nothing reads them
 * but as "an item". Every node getLocation reports comes after the last part left out (containers
 * and separators reset its previous node), so its offset is `delta` less than in the text; the
 * same holds for the members a scan reports after that part, and those before it have offsets
 * below any node after it, whatever their delta.
 */
export interface Skeleton {
  text: string;
  delta: number;
}

/**
 * The skeletons for a cursor at `offset`: `located`, for getLocation, with the innermost
 * container's members before the cursor left out too; `scanned()`, for the member scans, which
 * keeps them (completion leaves out keys already present, hover reads a proxy's type). Both are the
 * text itself when it is small, or when the text before the cursor is not well-formed and leaving
 * parts out could change how jsonc-parser recovers.
 */
export function skeletonsBefore(text: string, offset: number, minLength = 64 * 1024): { located: Skeleton; scanned: () => Skeleton } {
  const whole = { text, delta: 0 };
  const found = text.length < minLength ? undefined : cutsBefore(text, offset);
  if (!found) return { located: whole, scanned: () => whole };
  let scanned: Skeleton | undefined;
  return {
    located: withCuts(text, merge(found.closed, found.members)),
    scanned: () => (scanned ??= withCuts(text, merge(found.closed, found.members.slice(0, -1)))),
  };
}

function withCuts(text: string, cuts: [number, number][]): Skeleton {
  if (cuts.length === 0) return { text, delta: 0 };
  const parts: string[] = [];
  let from = 0;
  let delta = 0;
  for (const [start, end] of cuts) {
    parts.push(text.slice(from, start));
    delta += end - start;
    from = end;
  }
  parts.push(text.slice(from));
  return { text: parts.join(""), delta };
}

/**
 * What may be left out before `offset`: the insides of the outermost containers closed there, and
 * per container around the cursor (outermost first) the members before the cursor's, commas
 * included, if any; undefined unless the text before the cursor is well-formed as far as it goes
 * (see walk.ts).
 */
function cutsBefore(text: string, offset: number): { closed: [number, number][]; members: ([number, number] | undefined)[] } | undefined {
  const closed: [number, number][] = [];
  // The containers open, each with the last comma directly inside it (or -1).
  const open: { at: number; comma: number }[] = [];
  const read = walkJsonc(
    text,
    {
      open: (at) => void open.push({ at, comma: -1 }),
      close: (start, at) => {
        open.pop();
        while (closed.length > 0 && closed[closed.length - 1]![0] > start) closed.pop();
        if (at > start + 1) closed.push([start + 1, at]);
      },
      comma: (at) => {
        open[open.length - 1]!.comma = at;
      },
    },
    offset,
  );
  if (read === "broken") return undefined;
  return { closed, members: open.map((container) => (container.comma >= 0 ? [container.at + 1, container.comma + 1] : undefined)) };
}

/** The two lists are each in order and apart; a closed container inside left-out members goes with them. */
function merge(closed: [number, number][], around: ([number, number] | undefined)[]): [number, number][] {
  const members = around.filter((span): span is [number, number] => span !== undefined);
  const cuts: [number, number][] = [];
  let m = 0;
  for (const span of closed) {
    while (m < members.length && members[m]![1] <= span[0]) cuts.push(members[m++]!);
    const enclosing = members[m];
    if (enclosing && enclosing[0] <= span[0] && span[1] <= enclosing[1]) continue;
    cuts.push(span);
  }
  while (m < members.length) cuts.push(members[m++]!);
  return cuts;
}
