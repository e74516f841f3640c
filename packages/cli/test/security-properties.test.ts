import { writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allOutputs, leakIn, unsafeOutput, workspace } from "./security-helpers.js";

/** Characters that trip naive escaping and matching. */
const tricky = fc.constantFrom('"', "\\", "\u0000", "\u0007", "\n", "\u001b", "\u007f", "\u009b", "\u2028", "\u202e", "\u200b", "\ufeff", "é", "😀", "ß", "%", "/", "~", "$", "{");
const plain = fc.constantFrom(..."abcXYZ0129-_.".split(""));

/** Random credentials: very short, ordinary, very long, numbers; with quotes, backslashes, controls, unicode. */
const credential = fc.oneof(
  // Very short: only masked as whole values, so they carry a character no output has in quotes.
  fc.tuple(tricky.filter((char) => !"%/~${".includes(char)), fc.string({ unit: fc.oneof(tricky, plain), maxLength: 2 })).map(([first, rest]) => first + rest),
  fc.string({ unit: fc.oneof(tricky, plain), minLength: 8, maxLength: 24 }),
  fc.string({ unit: fc.oneof(tricky, plain), minLength: 200, maxLength: 400 }),
  fc.integer({ min: 100_000, max: 2 ** 31 }),
);

/** Where a proxy sits, correctly or not. */
const proxyPlace = fc.constantFrom(["configuration", "session", "proxy"], ["configuration", "proxy"], ["proxy"], ["configuration", "browser", "proxy"]);
/** Where a copy of a credential goes besides the proxy: another value, a key, a list. */
const copyPlace = fc.constantFrom("none", "initial_url", "key", "tag", "metadata", "server");

function put(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let current = root;
  for (const segment of path.slice(0, -1)) current = (current[segment] ??= {}) as Record<string, unknown>;
  current[path[path.length - 1]!] = value;
}

describe("no output channel contains a credential (property)", () => {
  it("holds for random credentials in random placements", async () => {
    await fc.assert(
      fc.asyncProperty(credential, credential, proxyPlace, copyPlace, fc.boolean(), async (password, username, place, copy, country) => {
        const request: Record<string, unknown> = { count: 1 };
        const proxy: Record<string, unknown> = { type: "custom", server: "http://proxy.example.com:8080", username, password, active: true };
        // A fixable finding inside the proxy and one after it: fixes on both sides of the credentials.
        if (country) proxy.country_code = "US";
        put(request, place, proxy);
        const secret = String(password);
        if (copy === "initial_url") put(request, ["configuration", "session", "initial_url"], secret);
        if (copy === "key") put(request, ["configuration", "session", secret], 1);
        if (copy === "tag") put(request, ["configuration", "session", "tags"], [secret]);
        if (copy === "metadata") put(request, ["metadata", secret], secret);
        if (copy === "server") proxy.server = `http://u:${encodeURIComponent(secret)}@proxy.example.com:8080`;
        put(request, ["configuration", "session", "recordng"], { active: true });
        const { cwd, remove } = workspace({ "a.anchor.json": JSON.stringify(request, null, 2) });
        try {
          const outputs = await allOutputs(cwd);
          for (const [channel, output] of Object.entries(outputs)) {
            for (const value of [String(password), String(username)]) {
              const leak = leakIn(output, value);
              expect(leak, `${channel} shows ${JSON.stringify(value)} as ${JSON.stringify(leak)}`).toBeUndefined();
            }
          }
        } finally {
          remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});

/** Text that a terminal or GitHub's runner would act on. */
const payload = fc
  .array(
    fc.oneof(
      fc.constantFrom("\n::error file=src/app.js,line=1::Forged", "\r\n::add-mask::x", "\n::stop-commands::t", "##[error]legacy", "##vso[task.setvariable variable=X]evil", "\u001b[2J", "\u001b]0;t\u0007", "\u009b2K", "\u2028::warning::w", "\u202e", "%0A::error::y", "\u0085"),
      fc.string({ unit: fc.constantFrom(":", "\n", "\r", " ", "x", "%", "\u001b", "\u0000", "\u009f", "#", "["), maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(""));

describe("no raw control character and no line starting with :: from file content (property)", () => {
  it("holds for payloads in keys, values and file names", async () => {
    await fc.assert(
      fc.asyncProperty(payload, payload, payload, async (key, value, name) => {
        const request = { count: 0, configuration: { session: { [key]: 1, initial_url: value, tags: [value] }, [value]: { [key]: value } } };
        const { cwd, remove } = workspace({});
        try {
          // A file name cannot hold "/" or NUL; everything else goes.
          writeFileSync(join(cwd, `${name.replace(/[/\u0000]/g, "_")}.anchor.json`), JSON.stringify(request));
          const outputs = await allOutputs(cwd);
          expect(outputs.json).toContain("anchor.json");
          for (const [channel, output] of Object.entries(outputs)) expect(unsafeOutput(channel, output)).toBeUndefined();
        } finally {
          remove();
        }
      }),
      { numRuns: 40 },
    );
  });
});
