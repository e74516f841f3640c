import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fix, lint, type Finding } from "@anchor-lint/core";
import { forEachValue } from "../src/fix-check.js";
import { applyEdits } from "../src/fix.js";

// The promises of docs/fixes.md, held over generated configs with the mistakes people make. CI runs
// a bounded number; `pnpm fuzz:fixes` (FC_RUNS=5000) runs many more, FC_SEED picks other inputs.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202), numRuns: Number(process.env.FC_RUNS ?? 120) });

/** A config as written: members in order (duplicates allowed), numbers as raw text, a layout per object. */
type Written = { object: [string, Written][]; oneLine?: boolean } | { array: Written[] } | { raw: string };

const obj = (members: Record<string, Written>): Written => ({ object: Object.entries(members) });
const raw = (value: unknown): Written => ({ raw: JSON.stringify(value) });

function base(): Written {
  return obj({
    count: raw(5),
    configuration: obj({
      session: obj({
        initial_url: raw("https://example.com"),
        recording: obj({ active: raw(true) }),
        proxy: obj({ active: raw(true), type: raw("anchor_mobile"), country_code: raw("bt") }),
        timeout: obj({ max_duration: raw(20), idle_timeout: raw(5) }),
        tags: { array: [raw("a"), raw("b")] },
      }),
      browser: obj({
        headless: obj({ active: raw(false) }),
        viewport: obj({ width: raw(1440), height: raw(900) }),
        adblock: obj({ active: raw(true) }),
      }),
      integrations: { array: [obj({ id: raw("550e8400-e29b-41d4-a716-446655440001"), type: raw("1PASSWORD"), configuration: obj({ load_mode: raw("all") }) })] },
    }),
    metadata: obj({ team: raw("x"), list: { array: [raw(1), raw("two")] } }),
  });
}

function at(root: Written, path: readonly string[]): Written & { object: [string, Written][] } {
  let node = root;
  for (const key of path) node = (node as { object: [string, Written][] }).object.find(([name]) => name === key)![1];
  return node as Written & { object: [string, Written][] };
}

/** Mistakes, each applied to a fresh base; `touched` collects the pointers a mistake disturbed. */
const mistakes = {
  typoParent: (root: Written, pick: number) => {
    const [path, name, typo] = ([[["configuration"], "session", "sesion"], [["configuration"], "browser", "browsr"], [["configuration", "session"], "timeout", "timout"]] as const)[pick % 3]!;
    const member = at(root, path).object.find(([key]) => key === name)!;
    member[0] = typo;
    return [`/${path.join("/")}`];
  },
  misplaced: (root: Written, pick: number) => {
    // Keys that belong in one object, written in its parent, the object itself missing.
    const [path, name] = ([[["configuration", "session"], "timeout"], [["configuration", "browser"], "viewport"], [["configuration", "session"], "recording"]] as const)[pick % 3]!;
    const parent = at(root, path);
    const index = parent.object.findIndex(([key]) => key === name);
    const [, value] = parent.object[index]!;
    parent.object.splice(index, 1, ...(value as { object: [string, Written][] }).object);
    return [`/${path.join("/")}`];
  },
  misplacedObject: (root: Written) => {
    // A whole object in the wrong parent: browser.recording belongs in session.
    const session = at(root, ["configuration", "session"]);
    const index = session.object.findIndex(([key]) => key === "recording");
    const [member] = session.object.splice(index, 1);
    at(root, ["configuration", "browser"]).object.push(member!);
    return ["/configuration/session", "/configuration/browser"];
  },
  duplicate: (root: Written, pick: number, same: boolean) => {
    const [path, name, other] = ([[[], "count", 7], [["configuration", "session", "timeout"], "idle_timeout", 3], [["configuration", "session"], "proxy", { active: false }], [["metadata"], "team", "y"]] as const)[pick % 4]!;
    const parent = at(root, path);
    const index = parent.object.findIndex(([key]) => key === name);
    const copy = same ? parent.object[index]![1] : typeof other === "object" ? obj({ active: raw(false) }) : raw(other);
    parent.object.splice(index, 0, [name, copy]);
    return [`/${[...path, name].join("/")}`];
  },
  caseError: (root: Written, pick: number) => {
    const [path, name, value] = ([[["configuration", "session", "proxy"], "country_code", "BT"], [["configuration", "session", "proxy"], "type", "Anchor_Mobile"]] as const)[pick % 2]!;
    at(root, path).object.find(([key]) => key === name)![1] = raw(value);
    return [`/${[...path, name].join("/")}`];
  },
  wrongType: (root: Written, pick: number) => {
    const [path, name, value] = ([[[], "count", "5"], [["configuration", "browser"], "headless", true]] as const)[pick % 2]!;
    at(root, path).object.find(([key]) => key === name)![1] = raw(value);
    return [`/${[...path, name].join("/")}`];
  },
  serverInParts: (root: Written, pick: number) => {
    // A custom proxy whose server's port and protocol are written in keys of their own, in any order.
    const parts: [string, Written][] = [
      ["port", pick % 2 === 0 ? raw(8080) : raw("8080")],
      [pick % 3 === 0 ? "scheme" : "protocol", raw(pick % 4 === 0 ? "SOCKS5" : "socks5")],
    ];
    if (pick % 5 < 2) parts.reverse();
    const proxy: [string, Written][] = [
      ["active", raw(true)],
      ["type", raw("custom")],
      ["server", raw("proxy.example.com")],
      ["username", raw("${env:PROXY_USER}")],
      ["password", raw("${env:PROXY_PASS}")],
    ];
    proxy.splice(2 + (pick % 4), 0, ...parts);
    at(root, ["configuration", "session"]).object.find(([key]) => key === "proxy")![1] = { object: proxy };
    return ["/configuration/session/proxy"];
  },
  oddNumber: (root: Written, pick: number, _same: boolean, text: string) => {
    const [path, name] = ([[["configuration", "session", "timeout"], "max_duration"], [["configuration", "browser", "viewport"], "width"], [["metadata", "list"], "0"]] as const)[pick % 3]!;
    if (name === "0") at(root, ["metadata"]).object.find(([key]) => key === "list")![1] = { array: [{ raw: text }] };
    else at(root, path).object.find(([key]) => key === name)![1] = { raw: text };
    return [`/${[...path, name].join("/")}`];
  },
};

const mistake = fc.record({
  kind: fc.constantFrom(...(Object.keys(mistakes) as (keyof typeof mistakes)[])),
  pick: fc.nat(),
  same: fc.boolean(),
  number: fc.constantFrom("1e400", "-0", "1.0", "5e0", "20.50"),
});

const layout = fc.record({
  indent: fc.constantFrom("  ", "    ", "\t", ""),
  crlf: fc.boolean(),
  // Objects written on one line, by their depth (mixed layouts), and comments before members.
  oneLineFrom: fc.integer({ min: 1, max: 6 }),
  comments: fc.array(fc.nat(), { maxLength: 3 }),
  // Comments inside members, by the member's number: before the colon, after it, or a line comment
  // after it with the value on the next line (in multi-line objects).
  inside: fc.array(fc.record({ member: fc.nat({ max: 40 }), at: fc.constantFrom("key", "value", "line") }), { maxLength: 3 }),
});

/** Writes the config; comments numbered so each can be found again. */
function write(root: Written, style: { indent: string; crlf: boolean; oneLineFrom: number; comments: number[]; inside: { member: number; at: string }[] }): string {
  const eol = style.crlf ? "\r\n" : "\n";
  const minified = style.indent === "";
  let member = 0;
  let anyMember = 0;
  let comment = 0;
  const print = (node: Written, depth: number): string => {
    if ("raw" in node) return node.raw;
    const oneLine = minified || depth >= style.oneLineFrom;
    const inner = (items: string[], open: string, close: string) => {
      if (items.length === 0) return open + close;
      if (oneLine) return minified ? `${open}${items.join(",")}${close}` : `${open} ${items.join(", ")} ${close}`;
      const pad = style.indent.repeat(depth + 1);
      return `${open}${eol}${items.map((item) => pad + item).join("," + eol)}${eol}${style.indent.repeat(depth)}${close}`;
    };
    if ("array" in node) return inner(node.array.map((item) => print(item, depth + 1)), "[", "]");
    return inner(
      node.object.map(([key, value]) => {
        const commented = !oneLine && style.comments.includes(member++);
        const number = anyMember++;
        const at = (where: string) => style.inside.some((inside) => inside.member === number && inside.at === where);
        const space = minified ? "" : " ";
        const keyNote = at("key") ? `${space}/* note ${++comment} */` : "";
        const valueNote = at("value") ? `/* note ${++comment} */${space}` : !oneLine && at("line") ? `// note ${++comment}${eol}${style.indent.repeat(depth + 2)}` : "";
        const text = `${JSON.stringify(key)}${keyNote}${minified ? ":" : ": "}${valueNote}${print(value, depth + 1)}`;
        return commented ? `// note ${++comment}${eol}${style.indent.repeat(depth + 1)}${text}` : text;
      }),
      "{",
      "}",
    );
  };
  return print(root, 0);
}

const NOTE = /\/\/ note \d+|\/\* note \d+ \*\//g;

const errors = (findings: readonly Finding[]) => findings.filter((finding) => finding.severity === "error").length;

/** Leaves as "last key + text": moves and renames change the path above a value, never the value. */
function leaves(text: string): Set<string> {
  const found = new Set<string>();
  forEachValue(text, (pointer, value) => found.add(`${pointer.slice(pointer.lastIndexOf("/"))} ${value}`));
  return found;
}

function editsInBounds(text: string): void {
  for (const finding of lint(text)) {
    for (const proposal of [finding.fix, ...(finding.suggestions ?? [])]) {
      for (const edit of proposal?.edits ?? []) {
        expect(edit.offset).toBeGreaterThanOrEqual(0);
        expect(edit.offset + edit.length).toBeLessThanOrEqual(text.length);
      }
    }
  }
}

/** Each safe fix applied alone keeps every comment: an editor's quick fix has no pass check behind it. */
function fixesKeepNotes(text: string): void {
  const notes = text.match(NOTE) ?? [];
  for (const finding of lint(text)) {
    if (!finding.fix) continue;
    const fixed = applyEdits(text, finding.fix.edits);
    for (const note of notes) expect(fixed, `${finding.fix.title}: ${note} lost:\n${text}\n---\n${fixed}`).toContain(note);
  }
}

describe("fixes over configs with realistic mistakes", () => {
  it("lose nothing, raise no error count, keep untouched members byte-identical, parse, and are idempotent", () => {
    fc.assert(
      fc.property(fc.array(mistake, { minLength: 1, maxLength: 4 }), layout, (chosen, style) => {
        const root = base();
        const touched: string[] = [];
        const applied = new Set<string>();
        chosen.forEach(({ kind, pick, same, number }, index) => {
          try {
            touched.push(...mistakes[kind](root, pick, same, number));
            applied.add(kind);
          } catch (error) {
            // A mistake whose place an earlier one took away (a renamed parent) is skipped; the first
            // one meets a fresh base and must apply, or a kind would silently never be tested.
            if (index === 0) throw error;
          }
        });
        const text = write(root, style);
        const before = lint(text);
        const result = fix(text);
        const output = result.output;
        // The result parses.
        expect(result.findings.some((finding) => finding.ruleId === "json-syntax"), output).toBe(false);
        // No safe fix raises the number of errors.
        expect(errors(result.findings), output).toBeLessThanOrEqual(errors(before));
        // Nothing lost: every value as written, under its own key; only letter case may change (the
        // case fixes), so values are compared without it where they differ.
        const after = leaves(output);
        const afterFolded = new Set([...after].map((leaf) => leaf.toLowerCase()));
        // A server written in parts is joined (the one fix that combines values): its parts must be in
        // the server then, checked below, rather than under their own keys.
        // Wherever the proxy is (a misspelt parent may keep it away from configuration.session).
        const proxy = applied.has("serverInParts") ? objectWith(lintable(output), "server") : undefined;
        const joined = proxy ? /^\/(server|port|protocol|scheme) / : undefined;
        for (const leaf of leaves(text)) {
          if (joined?.test(leaf)) continue;
          expect(after.has(leaf) || afterFolded.has(leaf.toLowerCase()), `${leaf} lost:\n${text}\n---\n${output}`).toBe(true);
        }
        if (joined) {
          const server = String(proxy?.server);
          const parts = ["port", "protocol", "scheme"].filter((key) => proxy !== undefined && key in proxy);
          // Either nothing was joined (another fix came first, or the join waits), or all of it was.
          if (parts.length === 0) expect(server, output).toBe("socks5://proxy.example.com:8080");
          else expect(server, output).toBe("proxy.example.com");
        }
        // Comments stay, those inside members too.
        for (const note of text.match(NOTE) ?? []) expect(output, `${note} lost:\n${text}\n---\n${output}`).toContain(note);
        // Members no mistake touched are byte-identical.
        const value = JSON.parse(JSON.stringify(lintable(text)));
        for (const [path, name] of [[[], "metadata"], [["configuration"], "integrations"], [["configuration", "session"], "tags"], [["configuration", "browser"], "adblock"]] as const) {
          const pointer = `/${[...path, name].join("/")}`;
          if (touched.some((place) => place === pointer || pointer.startsWith(place + "/") || place.startsWith(pointer + "/"))) continue;
          if (value === undefined) continue;
          const span = memberText(text, name);
          if (span !== undefined) expect(output, `${name} changed`).toContain(span);
        }
        // Idempotent, and every edit offered lies inside its text.
        expect(fix(output).output).toBe(output);
        editsInBounds(text);
        editsInBounds(output);
        fixesKeepNotes(text);
      }),
    );
  });
});

function objectWith(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  if (!Array.isArray(value) && key in value) return value as Record<string, unknown>;
  for (const child of Object.values(value)) {
    const found = objectWith(child, key);
    if (found) return found;
  }
  return undefined;
}

function lintable(text: string): unknown {
  try {
    return JSON.parse(text.replace(NOTE, ""));
  } catch {
    return undefined;
  }
}

/** The text of the first member named `name`, key to end of value (a unique key in these configs). */
function memberText(text: string, name: string): string | undefined {
  const start = new RegExp(`${JSON.stringify(name)}( ?/\\* note \\d+ \\*/)?:`).exec(text)?.index;
  if (start === undefined) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = text.indexOf(":", start) + 1; index < text.length; index++) {
    const char = text[index]!;
    // Comments (notes) are part of the member; they hold no brackets, commas or quotes.
    if (!inString && text.startsWith("//", index)) {
      index = text.indexOf("\n", index);
      continue;
    }
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
      if (!inString && depth === 0) return text.slice(start, index + 1);
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      depth--;
      if (depth === 0) return text.slice(start, index + 1);
      if (depth < 0) return text.slice(start, index);
    } else if (depth === 0 && (char === "," || char === "\r" || char === "\n")) return text.slice(start, index);
  }
  return undefined;
}
