type Span = { offset: number; length: number };
/** A node reached by a walk: where its value starts and, for an object member, its key's span. */
interface Step {
  value: number;
  key: Span | undefined;
}

/**
 * Where JSON pointers land in one strict JSON text, found by skipping over characters instead of
 * building a tree: a finding in a multi-megabyte file needs a range, not a tree. Every node reached
 * on the way is remembered, so the finding's range, its fix and a credential's span, which name the
 * same or neighbouring nodes, skip the large values before them once. Answers as
 * `TextDocumentSource.spanOf` does (the last of duplicate keys, the nearest existing parent's key
 * for a missing node), for text that `JSON.parse` accepts. `unique` says the text has no duplicate
 * keys, so the first match is the one.
 */
/** Paths longer than this (in characters) are walked every time instead of remembered. */
const REMEMBERED_PATH_LENGTH = 1024;

export class Locator {
  private readonly escaped: boolean;
  private readonly start: number;
  /** Steps by path (each segment length-prefixed, so no two paths share a key); null: no such node. */
  private readonly steps = new Map<string, Step | null>();
  /**
   * Characters the name searches may still read. A search reads up to the rest of the text, so
   * without a bound a path of thousands of uniquely named levels would cost the text's length per
   * level; spent, every member is found by skipping, as without the parsed value. Sixteen times
   * the text: the corpus's files with findings never spend it (they skip as much with it as without).
   */
  private searchBudget: number;

  /**
   * `root`, when given, is `JSON.parse(text)`: with it, a member whose quoted name occurs only once
   * from its object on is found with a native search instead of a skip over every member before it.
   */
  constructor(
    private readonly text: string,
    private readonly root?: unknown,
  ) {
    this.escaped = text.includes("\\");
    this.start = skipWhitespace(text, 0);
    this.searchBudget = 16 * text.length;
  }

  /** The member `name` of the object at `open` by a name search, while the budget lasts. */
  private searched(open: number, name: string): Step | undefined {
    const cost = this.text.length - open;
    if (cost > this.searchBudget) return undefined;
    this.searchBudget -= cost;
    return onlyMember(this.text, open, name);
  }

  /** The deepest node found along `segments`, and whether it is the one they name. */
  private walk(segments: readonly string[], first: boolean): { step: Step; exact: boolean } | undefined {
    const text = this.text;
    if (this.start >= text.length) return undefined;
    let step: Step = { value: this.start, key: undefined };
    // The parsed value at the step, while it is known to be the text's (JSON.parse keeps the last of
    // duplicate keys, as member() finds them).
    let value: unknown = this.root;
    // Undefined once the path is too long to keep: each prefix is a key of its own, and on a hostile
    // file (long keys, deep nesting) keeping them all would cost memory quadratic in the path.
    let path: string | undefined = first ? "1" : "0";
    for (const segment of segments) {
      if (path !== undefined) path = path.length + segment.length < REMEMBERED_PATH_LENGTH ? path + segment.length + ":" + segment : undefined;
      const has = typeof value === "object" && value !== null && Object.prototype.hasOwnProperty.call(value, segment);
      value = has ? (value as Record<string, unknown>)[segment] : undefined;
      let next = path === undefined ? undefined : this.steps.get(path);
      if (next === undefined) {
        const code = text.charCodeAt(step.value);
        let found: Step | undefined;
        if (code === 123 /* { */) found = (has && !this.escaped ? this.searched(step.value, segment) : undefined) ?? member(text, step.value, segment, first, this.escaped);
        else if (code === 91 /* [ */ && /^(0|[1-9][0-9]*)$/.test(segment)) found = element(text, step.value, Number(segment));
        next = found ?? null;
        if (path !== undefined) this.steps.set(path, next);
      }
      if (next === null) return { step, exact: false };
      step = next;
    }
    return { step, exact: true };
  }

  /** The span a finding on `segments` covers; undefined for empty text. */
  pointer(segments: readonly string[], target: "key" | "value", unique: boolean): Span | undefined {
    const reached = this.walk(segments, unique);
    if (!reached) return undefined;
    const { step, exact } = reached;
    if (!exact || target === "key") {
      if (step.key) return step.key;
      const code = this.text.charCodeAt(step.value);
      if (code === 123 || code === 91) return { offset: step.value, length: 1 };
    }
    return { offset: step.value, length: skipValue(this.text, step.value) - step.value };
  }

  /** The spans of the elements of the array `segments` name; undefined when that is not an array. */
  elements(segments: readonly string[], unique: boolean): Span[] | undefined {
    const reached = this.walk(segments, unique);
    const text = this.text;
    if (!reached?.exact || text.charCodeAt(reached.step.value) !== 91 /* [ */) return undefined;
    const spans: Span[] = [];
    let at = skipWhitespace(text, reached.step.value + 1);
    if (text.charCodeAt(at) === 93 /* ] */) return spans;
    for (;;) {
      const end = skipValue(text, at);
      spans.push({ offset: at, length: end - at });
      at = skipWhitespace(text, end);
      if (text.charCodeAt(at) !== 44 /* , */) return spans;
      at = skipWhitespace(text, at + 1);
    }
  }

  /** The spans of the value `segments` name and of its key; undefined when there is no such node. */
  node(segments: readonly string[], unique: boolean): { value: Span; key: Span | undefined } | undefined {
    const reached = this.walk(segments, unique);
    if (!reached?.exact) return undefined;
    const { step } = reached;
    return { value: { offset: step.value, length: skipValue(this.text, step.value) - step.value }, key: step.key };
  }
}

/**
 * Where a JSON pointer lands in a strict JSON text (see {@link Locator}; one lookup, nothing kept);
 * undefined for empty text.
 */
export function locatePointer(
  text: string,
  segments: readonly string[],
  target: "key" | "value",
  options: { unique?: boolean } = {},
): { offset: number; length: number } | undefined {
  return new Locator(text).pointer(segments, target, options.unique === true);
}

/**
 * The spans of the value a pointer names and, for an object member, of its key; undefined when the
 * node does not exist (no fallback to a parent). For strict JSON, like `locatePointer`.
 */
export function locateNode(
  text: string,
  segments: readonly string[],
  options: { unique?: boolean; locator?: Locator } = {},
): { value: { offset: number; length: number }; key: { offset: number; length: number } | undefined } | undefined {
  return (options.locator ?? new Locator(text)).node(segments, options.unique === true);
}

/** The object a pointer names, with every member in order: what moving a member in or out needs. */
export interface ObjectLayout {
  /** The object's braces: `{` at offset, `}` at offset + length - 1. */
  offset: number;
  length: number;
  /** The key of the member holding the object; undefined for the root or an array element. */
  key: { offset: number; length: number } | undefined;
  members: { name: string; key: { offset: number; length: number }; value: { offset: number; length: number } }[];
}

/** The layout of the object a pointer names; undefined when there is none. For strict JSON, like `locateNode`. */
export function locateObject(text: string, segments: readonly string[], options: { unique?: boolean; locator?: Locator } = {}): ObjectLayout | undefined {
  const node = locateNode(text, segments, options);
  if (!node || text.charCodeAt(node.value.offset) !== 123 /* { */) return undefined;
  const members: ObjectLayout["members"] = [];
  let at = skipWhitespace(text, node.value.offset + 1);
  if (text.charCodeAt(at) !== 125 /* } */) {
    for (;;) {
      const keyEnd = skipString(text, at);
      const value = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
      const valueEnd = skipValue(text, value);
      members.push({ name: keyText(text, at, keyEnd), key: { offset: at, length: keyEnd - at }, value: { offset: value, length: valueEnd - value } });
      at = skipWhitespace(text, valueEnd);
      if (text.charCodeAt(at) !== 44 /* , */) break;
      at = skipWhitespace(text, at + 1);
    }
  }
  return { offset: node.value.offset, length: node.value.length, key: node.key, members };
}

/**
 * The last member named `name` of the object at `open` (the first, when the caller knows keys are
 * unique: no need to skip the rest of a large object): its value's offset and its key's span.
 * `escaped` says the text has a backslash somewhere: only then can a key's text differ from its name.
 */
function member(text: string, open: number, name: string, first: boolean, escaped: boolean): { value: number; key: { offset: number; length: number } } | undefined {
  let found: { value: number; key: { offset: number; length: number } } | undefined;
  let at = skipWhitespace(text, open + 1);
  if (text.charCodeAt(at) === 125 /* } */) return undefined;
  for (;;) {
    const keyEnd = skipString(text, at);
    const value = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1);
    // Compared in place: slicing every key of every object on the way costs more than the walk.
    const matches = escaped ? keyText(text, at, keyEnd) === name : keyEnd - at - 2 === name.length && text.startsWith(name, at + 1);
    if (matches) {
      found = { value, key: { offset: at, length: keyEnd - at } };
      if (first) return found;
    }
    at = skipWhitespace(text, skipValue(text, value));
    if (text.charCodeAt(at) !== 44 /* , */) return found;
    at = skipWhitespace(text, at + 1);
  }
}

/**
 * The member `name` of the object at `open`, which has one (its parsed value says so), found by a
 * native search: in a text without backslashes every key is written as it reads, so when `"name"`
 * occurs once from the object's brace on, that occurrence is the member's key. Undefined when it
 * occurs more often (a nested key, a string value, a duplicate): member() scans then.
 */
function onlyMember(text: string, open: number, name: string): Step | undefined {
  const quoted = JSON.stringify(name);
  const at = text.indexOf(quoted, open + 1);
  if (at < 0 || text.indexOf(quoted, at + 1) >= 0) return undefined;
  const keyEnd = at + quoted.length;
  const colon = skipWhitespace(text, keyEnd);
  if (text.charCodeAt(colon) !== 58 /* : */) return undefined;
  return { value: skipWhitespace(text, colon + 1), key: { offset: at, length: keyEnd - at } };
}

function element(text: string, open: number, index: number): Step | undefined {
  let at = skipWhitespace(text, open + 1);
  if (text.charCodeAt(at) === 93 /* ] */) return undefined;
  for (let i = 0; ; i++) {
    if (i === index) return { value: at, key: undefined };
    at = skipWhitespace(text, skipValue(text, at));
    if (text.charCodeAt(at) !== 44) return undefined;
    at = skipWhitespace(text, at + 1);
  }
}

function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  return raw.includes("\\") ? (JSON.parse(text.slice(start, end)) as string) : raw;
}

function skipWhitespace(text: string, at: number): number {
  for (;;) {
    const code = text.charCodeAt(at);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9) return at;
    at++;
  }
}

/** The offset after the string that starts (with its quote) at `at`. */
function skipString(text: string, at: number): number {
  let quote = at;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
}

/** The offset after the value that starts at `at`. */
function skipValue(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 34) return skipString(text, at);
  if (code === 123 || code === 91) {
    // A plain character loop: a regex search allocates a match per string and bracket, which made
    // skipping the objects before the one wanted the main cost of placing a finding.
    let depth = 0;
    const length = text.length;
    for (let index = at; index < length; index++) {
      const c = text.charCodeAt(index);
      if (c === 34) index = skipString(text, index) - 1;
      else if (c === 123 || c === 91) depth++;
      else if ((c === 125 || c === 93) && --depth === 0) return index + 1;
    }
    return length;
  }
  let end = at;
  for (;;) {
    const c = text.charCodeAt(end);
    if (Number.isNaN(c) || c === 44 || c === 125 || c === 93 || c === 32 || c === 10 || c === 13 || c === 9) return end;
    end++;
  }
}
