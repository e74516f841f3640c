import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentSymbols, escapeControls, fix, hover, lint, load, preflight, redactCredentials, validate } from "@anchor-lint/core";

const tricky = fc.constantFrom('"', "\\", "\u0000", "\u0007", "\n", "\u001b", "\u007f", "\u009b", "\u2028", "\u202e", "é", "😀", "ß", "%", "/", "~");
const plain = fc.constantFrom(..."abcXYZ0129-_.".split(""));

/** Very short (with a character no output quotes on its own), ordinary, very long, numbers. */
const credential = fc.oneof(
  fc.tuple(tricky.filter((char) => !"%/~".includes(char)), fc.string({ unit: fc.oneof(tricky, plain), maxLength: 2 })).map(([first, rest]) => first + rest),
  fc.string({ unit: fc.oneof(tricky, plain), minLength: 8, maxLength: 24 }),
  fc.string({ unit: fc.oneof(tricky, plain), minLength: 200, maxLength: 400 }),
  fc.integer({ min: 100_000, max: 2 ** 31 }),
);

const proxyPlace = fc.constantFrom(["configuration", "session", "proxy"], ["configuration", "proxy"], ["proxy"], ["configuration", "browser", "proxy"], ["configuration", "integrations", "0", "proxy"]);
const copyPlace = fc.constantFrom("none", "initial_url", "key", "tag", "country", "server");

function put(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = root;
  // `integrations` is the one list on these paths.
  for (const segment of path.slice(0, -1)) current = (current[segment] ??= segment === "integrations" ? [] : {}) as Record<string, unknown>;
  current[path[path.length - 1]!] = value;
}

function distinctive(value: string): boolean {
  return value.length >= 8 || (value.length >= 6 && !/^[A-Za-z]+$/.test(value));
}

/** The forms a credential could take in a library result serialised as JSON (see security-helpers.ts of the CLI). */
function forms(value: string): string[] {
  const json = JSON.stringify(value);
  const base = [json, escapeControls(json)];
  if (distinctive(value)) base.push(value, json.slice(1, -1), escapeControls(value), escapeControls(json.slice(1, -1)));
  return [...new Set(base.flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]))];
}

/** What a thrown error shows; a request that passes is the caller's own value, not output. */
function caught(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return { message: (error as Error).message, findings: (error as { findings?: unknown }).findings };
  }
}

describe("no library or editor result contains a credential (property)", () => {
  it("holds for random credentials in random placements", () => {
    fc.assert(
      fc.property(credential, credential, proxyPlace, copyPlace, fc.nat(), (password, username, place, copy, at) => {
        const request: Record<string, unknown> = { count: 1 };
        const proxy: Record<string, unknown> = { type: "custom", server: "http://proxy.example.com:8080", username, password, active: true, country_code: "US" };
        put(request, place, proxy);
        const secret = String(password);
        if (copy === "initial_url") put(request, ["configuration", "session", "initial_url"], secret);
        if (copy === "key") put(request, ["configuration", "session", secret], 1);
        if (copy === "tag") put(request, ["configuration", "session", "tags"], [secret]);
        if (copy === "country") put(request, ["configuration", "session", "proxy", "country_code"], secret);
        if (copy === "server") proxy.server = `http://u:${encodeURIComponent(secret)}@proxy.example.com:8080`;
        const text = JSON.stringify(request, null, 2);
        const channels: Record<string, unknown> = {
          lint: lint(text),
          validate: validate(request),
          preflight: caught(() => preflight(request)),
          load: caught(() => load(text)),
          fix: fix(text, { unsafe: true }).findings,
          redactCredentials: redactCredentials(text),
          outline: documentSymbols(text),
          hover: hover(text, at % text.length),
        };
        for (const [channel, result] of Object.entries(channels)) {
          const shown = JSON.stringify(result) ?? "";
          for (const value of [String(password), String(username)]) {
            const leak = forms(value).find((form) => shown.includes(form));
            expect(leak, `${channel} shows ${JSON.stringify(value)}`).toBeUndefined();
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
