import { describe, expect, it } from "vitest";
import { documentSymbols, hover, lint, redactCredentials, type DocumentSymbol } from "@anchor-lint/core";

// Copies of a credential percent-encoded into other strings of the file: no written form of the
// credential matches them, and any URL decoder gives the credential back.

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

const request = (password: string, extra: Record<string, unknown>) =>
  JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type: "custom", server: "http://p.example.com:1", username: "${env:U}", password } } }, ...extra }, null, 2);

describe("a percent-encoded copy of a credential", () => {
  const copies = ["Pw-Mixed%219", "Pw%2dMixed%219", "Pw%2DMixed%219", "%50%77%2d%4d%69%78%65%64%21%39", "%50w-Mixed!9", "Pw-Mixed%25219"];

  it("is masked by redactCredentials(), in any case of hex, mixed with plain characters, or encoded twice", () => {
    const text = request("Pw-Mixed!9", { metadata: { copies, url: "https://example.com/?pw=Pw-Mixed%219&x=%41" } });
    const masked = JSON.parse(redactCredentials(text));
    expect(masked.metadata).toEqual({ copies: copies.map(() => "****"), url: "https://example.com/?pw=****&x=%41" });
  });

  it("is masked as a key, inside a longer value and beside a JSON escape", () => {
    const text = request("Pw-Mixed!9", { metadata: { "Pw%2dMixed%219": 1, note: "old: Pw-Mixed%219, new: Pw-Mixed%219 (same)", escaped: "P\\u0077-Mixed%219" } }).replace("P\\\\u0077", "P\\u0077");
    const masked = JSON.parse(redactCredentials(text));
    expect(masked.metadata).toEqual({ "****": 1, note: "old: ****, new: **** (same)", escaped: "****" });
  });

  it("of a password with spaces and letters beyond ASCII, as encodeURI and encodeURIComponent write it", () => {
    const password = "S3 cr/ét-Pa55";
    const text = request(password, { metadata: { a: encodeURI(password), b: encodeURIComponent(password), c: encodeURIComponent(password).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()), d: "S3 cr%2F%C3%A9t-Pa55" } });
    expect(JSON.parse(redactCredentials(text)).metadata).toEqual({ a: "****", b: "****", c: "****", d: "****" });
  });

  it("of a short credential is masked as a whole value only, as its plain copies are", () => {
    const text = request("ab!2", { tags: ["ab%212", "%61%62%21%32", "xab%212", "ab%21234"] });
    expect(JSON.parse(redactCredentials(text)).tags).toEqual(["****", "****", "xab%212", "ab%21234"]);
  });

  it("is withheld from messages, pointers, the outline and hovers", () => {
    const copy = "Pw%2dMixed%219";
    const text = JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type: "custom", server: "http://p.example.com:1", username: "${env:U}", password: "Pw-Mixed!9" }, initial_url: copy, recording: { active: copy } } }, [copy]: { x: copy }, tags: [copy] }, null, 2);
    const findings = lint(text);
    const outline = flatten(documentSymbols(text)).map((symbol) => `${symbol.name} ${symbol.detail ?? ""}`);
    const hovers = [...text.matchAll(/Pw%2dMixed%219/g)].map((match) => hover(text, match.index + 3)?.markdown ?? "");
    const shown = JSON.stringify([findings.map((finding) => [finding.message, finding.pointer, finding.fix, finding.suggestions]), outline, hovers]);
    expect(shown).not.toMatch(/Mixed/i);
    expect(findings.map((finding) => finding.message)).toContain('"****" is not a valid URI in configuration.session.initial_url; expected an absolute URL such as "https://example.com".');
    expect(findings.map((finding) => finding.pointer)).toContain("/****");
  });

  it("is found beside escapes that are no character (read as written) and %00", () => {
    const text = request("Pw-Mixed!9", { metadata: { a: "100%", b: "%zz%E2%82%C0%80", c: "%00Pw-Mixed%219", d: "%E2%82Pw%2DMixed%219%zz%C0%80" } });
    expect(JSON.parse(redactCredentials(text)).metadata).toEqual({ a: "100%", b: "%zz%E2%82%C0%80", c: "%00****", d: "%E2%82****%zz%C0%80" });
  });

  it("in a long run of escapes and text, is found by reading each run once", () => {
    // Hostile shapes: a megabyte of escapes, of broken UTF-8, of letters around one escape.
    const runs = ["%41".repeat(300_000), "%E2%82".repeat(200_000), `${"a".repeat(500_000)}%21${"b".repeat(500_000)}`];
    const text = request("Pw-Mixed!9", { metadata: { runs, copy: `${"%41".repeat(1000)}Pw-Mixed%219` } });
    const masked = JSON.parse(redactCredentials(text));
    expect(masked.metadata.runs).toEqual(runs);
    expect(masked.metadata.copy).toBe(`${"%41".repeat(1000)}****`);
  });
});

describe("the base64 of username:password, as a Basic Proxy-Authorization header carries them", () => {
  const basic = (username: string, password: string) => Buffer.from(`${username}:${password}`).toString("base64");
  const pair = (username: string, password: string, extra: Record<string, unknown>) =>
    JSON.stringify({ count: 1, configuration: { session: { proxy: { active: true, type: "custom", server: "http://p.example.com:1", username, password } } }, ...extra }, null, 2);

  it("is masked by redactCredentials(): padded, unpadded and URL-safe", () => {
    const encoded = basic("bob-the-user", "S3cr?t~~");
    const forms = [`Basic ${encoded}`, encoded.replace(/=+$/, ""), encoded.replace(/\+/g, "-").replace(/\//g, "_"), `Proxy-Authorization: Basic ${encoded}`];
    expect(forms[2]).not.toBe(encoded);
    const masked = JSON.parse(redactCredentials(pair("bob-the-user", "S3cr?t~~", { metadata: { forms } })));
    expect(masked.metadata.forms).toEqual(["Basic ****", "****", "****", "Proxy-Authorization: Basic ****"]);
  });

  it("is withheld from messages that quote the value", () => {
    const encoded = basic("bob-the-user", "Pw-Mixed!9");
    const text = pair("bob-the-user", "Pw-Mixed!9", {}).replace('"active": true', `"active": "Basic ${encoded}"`);
    const messages = lint(text).map((finding) => finding.message);
    expect(messages).toContain('"active" (configuration.session.proxy.active) must be a boolean (true or false); found a string ("Basic ****").');
    expect(JSON.stringify(messages)).not.toContain(encoded.slice(0, 12));
  });
});
