import { walkJsonc } from "./walk.js";

/**
 * What completion and hover read instead of a large text: the text with every object and array
 * that closes before the cursor emptied (`{}`, `[]`), and in each container around the cursor but
 * the innermost, the members before the one that holds the cursor left out. The path to the cursor,
 * the innermost container's members and everything from the cursor on are the text's own, so
 * jsonc-parser's getLocation and the member scans give the same answers, but read a few characters
 * where the text has megabytes of `metadata` or thousands of keys before the cursor.
 *
 * Only array indices on the path change (the elements before are left out); nothing reads them
 * but as "an item". Every node getLocation reports comes after the last part left out (containers
 * and separators reset its previous node), so its offset is `delta` less than in the text.
 */
export interface Skeleton {
  text: string;
  delta: number;
}

/**
 * The skeleton for a cursor at `offset`; `cutInnermost` leaves out the innermost container's members
 * before the cursor's too (hover needs no list of keys). The text itself when it is small, or when brackets do not
 * pair up and leaving parts out could change how jsonc-parser recovers.
 */
export function skeletonBefore(text: string, offset: number, minLength = 64 * 1024, options: { cutInnermost?: boolean } = {}): Skeleton {
  const whole = { text, delta: 0 };
  if (text.length < minLength) return whole;
  const cuts = cutsBefore(text, offset, options.cutInnermost === true);
  if (!cuts || cuts.length === 0) return whole;
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
 * The spans `[start, end)` to leave out, in order and apart, all before `offset`; undefined unless
 * the text before the cursor is well-formed as far as it goes (see walk.ts): where it is not,
 * jsonc-parser's recovery could be led elsewhere by the skeleton.
 */
function cutsBefore(text: string, offset: number, cutInnermost: boolean): [number, number][] | undefined {
  // The insides of containers closed so far, outermost only.
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
  // Around the cursor (but for the innermost container, unless told): the members before the current one, commas included.
  const members: [number, number][] = [];
  for (let i = 0; i < open.length - (cutInnermost ? 0 : 1); i++) {
    const container = open[i]!;
    if (container.comma >= 0) members.push([container.at + 1, container.comma + 1]);
  }
  // The two lists are each in order and apart; a closed container inside left-out members goes with them.
  const cuts: [number, number][] = [];
  let m = 0;
  for (const span of closed) {
    while (m < members.length && members[m]![1] <= span[0]) cuts.push(members[m++]!);
    const around = members[m];
    if (around && around[0] <= span[0] && span[1] <= around[1]) continue;
    cuts.push(span);
  }
  while (m < members.length) cuts.push(members[m++]!);
  return cuts;
}
