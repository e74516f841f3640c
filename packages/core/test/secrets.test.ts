import { describe, expect, it } from "vitest";
import { documentSymbols, fix, hover, lint, load, preflight, PreflightError, redactCredentials, validate, type DocumentSymbol } from "@anchor-lint/core";

const PASSWORD = "S3cret-Pa55";
const proxy = (password: unknown = PASSWORD, username: unknown = "alice") => ({
  type: "custom",
  server: "http://proxy.example.com:8080",
  username,
  password,
  active: true,
});

/** Every string a consumer of findings could print: the findings as JSON, their fix texts included. */
function everything(value: unknown): string {
  return JSON.stringify(value);
}

function preflightError(run: () => unknown): PreflightError {
  try {
    run();
  } catch (error) {
    if (error instanceof PreflightError) return error;
    throw error;
  }
  throw new Error("expected a PreflightError");
}

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

describe("misplaced proxies", () => {
  const placements: [string, unknown][] = [
    ["configuration.proxy", { count: 1, configuration: { proxy: proxy() } }],
    ["a top-level proxy", { count: 1, proxy: proxy() }],
    ["configuration.browser.proxy", { count: 1, configuration: { browser: { proxy: proxy() } } }],
  ];

  for (const [name, request] of placements) {
    it(`never shows the credentials of ${name}: findings, fix texts, PreflightError`, () => {
      const text = JSON.stringify(request);
      const findings = lint(text);
      expect(findings.some((finding) => finding.ruleId === "known-property")).toBe(true);
      expect(everything(findings)).not.toContain(PASSWORD);
      expect(everything(findings)).not.toContain("alice");
      expect(everything(validate(request))).not.toContain(PASSWORD);
      const fromLoad = preflightError(() => load(JSON.stringify({ ...(request as object), count: 0 })));
      expect(everything(fromLoad.findings) + fromLoad.message).not.toContain(PASSWORD);
      const fromPreflight = preflightError(() => preflight({ ...(request as object), count: 0 }));
      expect(everything(fromPreflight.findings) + fromPreflight.message).not.toContain(PASSWORD);
    });
  }

  it("is still moved by fix(), which writes the file the credentials are in, and its findings carry none", () => {
    const text = JSON.stringify({ count: 1, configuration: { proxy: proxy() } }, null, 2);
    const result = fix(text);
    expect(JSON.parse(result.output).configuration.session.proxy.password).toBe(PASSWORD);
    expect(everything(result.findings)).not.toContain(PASSWORD);
  });
});

describe("credentials of any form", () => {
  it("stays masked after fix() replaced it by a placeholder, where a copy of it remains", () => {
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy: proxy(), [PASSWORD]: 1 } } }, null, 2);
    const result = fix(text, { unsafe: true, rules: ["no-plaintext-proxy-credentials"] });
    expect(result.output).toContain("${env:ANCHOR_PROXY_PASSWORD}");
    expect(result.findings.some((finding) => finding.pointer === "/configuration/session/****")).toBe(true);
    expect(everything(result.findings)).not.toContain(PASSWORD);
  });

  it("masks credentials with quotes, backslashes and control characters, and drops fixes that span them", () => {
    for (const password of ['pa"ss\\wo\u0007rd', "\u001b]0;x\u0007abc", 'ab"c']) {
      const text = JSON.stringify({ count: 1, configuration: { session: { proxy: proxy(password) } }, extra: password, [password]: 1 });
      const findings = lint(text);
      const shown = everything(findings);
      expect(shown).not.toContain(JSON.stringify(password));
      expect(shown).not.toContain(JSON.stringify(password).slice(1, -1));
      expect(findings.some((finding) => finding.pointer.includes("****"))).toBe(true);
    }
  });

  it("treats numbers and arrays as credentials too", () => {
    const text = JSON.stringify({ count: 1, configuration: { proxy: proxy(918273645, ["bob-the-user", 7]) } });
    const shown = everything(lint(text));
    expect(shown).not.toContain("918273645");
    expect(shown).not.toContain("bob-the-user");
    const inPlace = JSON.stringify({ count: 1, configuration: { session: { proxy: proxy(918273645) } } });
    expect(everything(lint(inPlace))).not.toContain("918273645");
    expect(redactCredentials(inPlace)).not.toContain("918273645");
  });

  it("masks the userinfo of URLs: in redactCredentials, in the outline, in messages", () => {
    const text = JSON.stringify({
      count: 1,
      configuration: { session: { initial_url: "ftp://carol:Hunter2-xyz@example.com/", proxy: { ...proxy(), server: "http://alice:S3cret@proxy.example.com:8080" } } },
    });
    const redacted = redactCredentials(text);
    expect(redacted).not.toContain("S3cret");
    expect(redacted).not.toContain("Hunter2-xyz");
    expect(redacted).toContain("http://****@proxy.example.com:8080");
    const details = flatten(documentSymbols(text)).map((symbol) => `${symbol.name} ${symbol.detail ?? ""}`).join("\n");
    expect(details).toContain("proxy.example.com");
    expect(details).not.toContain("S3cret");
    expect(details).not.toContain("Hunter2-xyz");
    expect(everything(lint(text))).not.toContain("Hunter2-xyz");
  });

  it("masks a long credential reused in another field before shortening the value", () => {
    const long = `${"Q".repeat(30)}-${"z9".repeat(40)}`;
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy: proxy(long), initial_url: long } } });
    const shown = everything(lint(text));
    expect(shown).not.toContain(long.slice(0, 20));
    expect(lint(text).some((finding) => finding.pointer === "/configuration/session/initial_url" && finding.message.includes("\"****\""))).toBe(true);
  });

  it("masks pointer segments equal to a credential, in findings and related locations", () => {
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy: proxy(), [PASSWORD]: true } } });
    const findings = lint(text);
    const unknown = findings.find((finding) => finding.ruleId === "known-property")!;
    expect(unknown.pointer).toBe("/configuration/session/****");
    expect(unknown.range).toBeDefined();
    expect(everything(findings)).not.toContain(PASSWORD);
  });

  it("masks a hover that quotes a value equal to a credential", () => {
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy: { type: "anchor_residential", country_code: "de", username: "de" } } } });
    const info = hover(text, text.indexOf('"de"') + 2);
    expect(info?.markdown).toBeDefined();
    expect(info!.markdown).not.toContain("`de`");
  });
});

describe("file text is shown escaped", () => {
  it("escapes C0, DEL, C1, separators and bidi controls in messages, titles and the outline", () => {
    const key = "k\u001b[2J\u007f\u009b\u2028\u202e\n::error::x";
    const text = JSON.stringify({ count: 1, configuration: { session: { [key]: 1 } } });
    const findings = lint(text);
    for (const finding of findings) {
      expect(finding.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
      for (const fixed of [finding.fix, ...(finding.suggestions ?? [])]) if (fixed) expect(fixed.title).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    }
    expect(findings.find((finding) => finding.ruleId === "known-property")!.message).toContain("\\u009b");
    for (const symbol of flatten(documentSymbols(text))) expect(symbol.name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u202e]/);
  });
});

describe("preflight", () => {
  it("validates own enumerable data only, as JSON.stringify sends it", () => {
    expect(() => preflight(Object.create({ count: 1 }))).toThrow(PreflightError);
    const hidden = Object.defineProperty({}, "count", { value: 1, enumerable: false });
    expect(() => preflight(hidden)).toThrow(PreflightError);
    expect(preflight({ count: 1, toJSON: undefined, extra: undefined } as never)).toBeDefined();
  });
});
