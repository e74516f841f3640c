import { describe, expect, it } from "vitest";
import { documentSymbols, hover, lint, redactCredentials, type DocumentSymbol } from "@anchor-lint/core";

// Shapes of credentials an audit found printed: written where the parser reads no value, URLs that a
// lenient URL parser reads userinfo in, a URL as a key, and a proxy server without `scheme://`.

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children)]);
}

/** Everything the core gives an output: findings (messages, pointers, fixes), the outline, hovers over every offset of the secret. */
function shown(text: string, secretAt: number): string {
  const outline = flatten(documentSymbols(text)).map((symbol) => `${symbol.name} ${symbol.detail ?? ""}`);
  const hovers = [secretAt, secretAt + 2].map((offset) => hover(text, offset)?.markdown ?? "");
  return JSON.stringify([lint(text), outline, hovers, redactCredentials(text)]);
}

const customProxy = (members: string) =>
  `{\n  "count": 1,\n  "configuration": {\n    "session": {\n      "proxy": {\n        "active": true,\n        "type": "custom",\n        "server": "http://p.example.com:1",\n        ${members}\n      }\n    }\n  }\n}\n`;

describe("a credential the parser cannot read as a value is never quoted by a syntax message", () => {
  const cases: [string, string, string][] = [
    ["without quotes", '"username": "${env:U}", "password": Hunter2Secret', "Hunter2Secret"],
    ["in single quotes", `"username": "\${env:U}", "password": 'Hunter2Secret'`, "Hunter2Secret"],
    ["an unquoted username", '"username": bareUserName3, "password": "${env:P}"', "bareUserName3"],
    ["a hex number", '"username": "${env:U}", "password": 0xDEADBEEF1234', "DEADBEEF1234"],
    ["with dashes", '"username": "${env:U}", "password": Secret-With-Dash6', "Secret"],
    ["a leading zero", '"username": "${env:U}", "password": 0123456', "123456"],
    ["broken over a line", '"username": "${env:U}", "password": "Line6\nBreak7Secret"', "Break7Secret"],
    ["a key in single quotes", `"username": "\${env:U}", 'PASSWORD':\n          NoQuotes-99`, "NoQuotes"],
    ["a number with the colon left out", '"username": "${env:U}", "password" 98765432', "98765432"],
    // Read as 12 and a stray 345: the message's "did you mean 12345?" would be the whole password.
    ["a number with thousands separators", '"username": "${env:U}", "password": 12,345', "345"],
  ];
  for (const [name, members, secret] of cases) {
    it(`${name}: reported on the spot, with nothing of it shown`, () => {
      const text = customProxy(members);
      const findings = lint(text);
      const syntax = findings.filter((finding) => finding.ruleId === "json-syntax");
      expect(syntax.length).toBeGreaterThan(0);
      // Still located: the first error is on the password's line.
      const line = text.slice(0, text.indexOf(secret)).split("\n").length;
      expect(syntax[0]!.range!.start.line).toBeLessThanOrEqual(line);
      expect(JSON.stringify(findings)).not.toContain(secret);
    });
    it(`${name}: masked by redactCredentials(), which docs/security.md tells Node API users to print through`, () => {
      const masked = redactCredentials(customProxy(members));
      expect(masked).not.toContain(secret);
      expect(masked).toContain('"****"');
    });
  }

  it("still quotes a bare word that is no credential (the hint stays where it helps)", () => {
    const text = customProxy('"username": "${env:U}", "password": "${env:P}", "country": Germany');
    expect(lint(text).find((finding) => finding.ruleId === "json-syntax")?.message).toContain('did you mean "Germany"?');
  });
});

describe("URL userinfo is masked as generously as URL parsers read it", () => {
  const session = (url: string) => JSON.stringify({ count: 1, configuration: { session: { initial_url: url } } });
  const cases: [string, string, string][] = [
    ["a space in the password", "https://alice:pa ss word12@example.com/", "word12"],
    ["an @ in the password", "https://alice:p@ss w0rd@example.com/", "w0rd"],
    ["backslashes after the scheme", "https:\\\\alice:BackSlash12@example.com/", "BackSlash12"],
    ["a tab in the password", "https://alice:Tab\tSecret12@example.com/", "Secret12"],
    ["no slashes after http:", "http:alice:NoSlash-12@example.com/", "NoSlash-12"],
    ["several @ in the password", "http://u:Multi@At@Sign12@example.com/", "Sign12"],
  ];
  for (const [name, url, secret] of cases) {
    it(`${name}`, () => {
      const text = session(url);
      const out = shown(text, text.indexOf(secret));
      expect(out).not.toContain(secret);
      expect(out).toContain("****@example.com");
    });
  }

  it("a URL written as a key: masked in the message and in the pointer", () => {
    const text = '{"count": 1, "configuration": {"browser": {"http://kuser:KeySecret12@h.example": 1}}}';
    const finding = lint(text).find((item) => item.ruleId === "known-property")!;
    expect(finding.pointer).toBe("/configuration/browser/http:~1~1****@h.example");
    expect(finding.range).toBeDefined();
    expect(shown(text, text.indexOf("KeySecret12"))).not.toContain("KeySecret12");
  });

  it("leaves ordinary text alone: a scheme word without slashes, an e-mail address", () => {
    const text = JSON.stringify({ count: 1, metadata: { note: "owner: bob@example.com" }, configuration: { session: { initial_url: "mailto:bob@example.com" } } });
    expect(redactCredentials(text)).toBe(text);
  });
});

describe("a proxy server written without scheme://", () => {
  const withServer = (server: string, username = "${env:U}", password = "${env:P}") =>
    JSON.stringify({ count: 2, configuration: { session: { proxy: { active: true, type: "custom", server, username, password } } } }, null, 2);

  for (const server of ["alice:hunter2@proxy.example.com:8080", "//alice:hunter2@proxy.example.com:8080", "http:alice:hunter2@proxy.example.com:8080", "socks5h:alice:hunter2@proxy.example.com"]) {
    it(`${server}: the outline, findings and hovers show its host, not its userinfo`, () => {
      const text = withServer(server);
      const out = shown(text, text.indexOf("hunter2"));
      expect(out).not.toContain("hunter2");
      expect(out).not.toContain("alice");
      const detail = flatten(documentSymbols(text)).find((symbol) => symbol.name === "server")?.detail;
      expect(detail).toMatch(/\*\*\*\*@proxy\.example\.com/);
    });
  }

  it("a literal username is not shown beside it either", () => {
    const text = withServer("alice:hunter2@proxy.example.com:8080", "alice", "hunter2");
    const detail = flatten(documentSymbols(text)).find((symbol) => symbol.name === "server")?.detail;
    expect(detail).toBe("****@proxy.example.com:8080");
  });
});

describe("keys that name a username or password, as people write them", () => {
  it.each(["username", "PASSWORD", "Password ", "passwd", "pwd", "pass", "user", "userName", "user_name", "proxy_password", "proxyPassword", "pasword", "passowrd", "usrename", "usename"])("%s holds a credential", async (key) => {
    const { isCredentialKey } = await import("../src/credential-text.js");
    expect(isCredentialKey(key)).toBe(true);
  });
  it.each(["session", "custom", "status", "headless", "passive", "bypass_list", "user_agent", "country_code", "queue", "server", "persist", "compass"])("%s does not", async (key) => {
    const { isCredentialKey } = await import("../src/credential-text.js");
    expect(isCredentialKey(key)).toBe(false);
  });
  it("a misspelt credential's value is no outline detail", async () => {
    const { documentSymbols } = await import("../src/index.js");
    const text = '{"count":1,"configuration":{"session":{"proxy":{"type":"custom","usrename":"svc-user-31","passwd":"Typo-Pw-9876"}}}}';
    const shown = JSON.stringify(documentSymbols(text));
    expect(shown).toContain("usrename");
    expect(shown).not.toContain("svc-user-31");
    expect(shown).not.toContain("Typo-Pw-9876");
  });
});

describe("a copy of a credential written with escapes of its own", () => {
  it("is masked by redactCredentials(): a JSON reader decodes it to the password", () => {
    const text = customProxy('"username": "${env:U}", "password": "Pw-Mixed-4455"').replace('"count": 1,', String.raw`"count": 1, "metadata": {"note": "P\u0077-Mixed-4455", "b": "Pw\u002dMixed\u002d4455", "ok": "tab\there"},`);
    const masked = redactCredentials(text);
    const decoded = JSON.stringify(JSON.parse(masked));
    expect(decoded).not.toContain("Mixed-4455");
    expect(JSON.parse(masked).metadata).toEqual({ note: "****", b: "****", ok: "tab\there" });
  });
});

it("a short credential's escaped copy is masked too, as a whole value", () => {
  const text = customProxy('"username": "${env:U}", "password": "ab12"').replace('"count": 1,', String.raw`"count": 1, "tags": ["a\u006212", "ab12x"],`);
  expect(JSON.parse(redactCredentials(text)).tags).toEqual(["****", "ab12x"]);
});
