import { describe, expect, it } from "vitest";
import { fix, lint } from "../src/index.js";
import { applyEdits } from "../src/fix.js";

/** A custom proxy with the given members between "type" and the credentials, pretty-printed as users write it. */
function config(members: Record<string, unknown>): string {
  const proxy = { active: true, type: "custom", ...members, username: "${env:U}", password: "${env:P}" };
  return JSON.stringify({ count: 2, configuration: { session: { proxy } } }, null, 2);
}

const proxyOf = (text: string) => (JSON.parse(text) as { configuration: { session: { proxy: Record<string, unknown> } } }).configuration.session.proxy;

describe("a custom proxy server written in parts", () => {
  it("is one finding at the server, and fix() joins the parts, keeping everything else", () => {
    const text = config({ server: "proxy.example.com", port: 8080, protocol: "socks5" });
    const findings = lint(text);
    expect(findings.map((finding) => [finding.ruleId, finding.pointer, finding.message])).toEqual([
      [
        "custom-proxy-server",
        "/configuration/session/proxy/server",
        'The proxy server "proxy.example.com" has no protocol and no port; "port" and "protocol" are written apart, where the API ignores them: they go together in "server", as "socks5://proxy.example.com:8080".',
      ],
    ]);
    const result = fix(text);
    expect(result.findings).toEqual([]);
    expect(proxyOf(result.output)).toEqual({ active: true, type: "custom", server: "socks5://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" });
    expect(result.output).toBe(config({ server: "socks5://proxy.example.com:8080" }));
    // Fixing again changes nothing.
    expect(fix(result.output).output).toBe(result.output);
  });

  it.each([
    ["proxy_port as a string, scheme in capitals", { server: "proxy.example.com", proxy_port: "8080", scheme: "SOCKS5" }],
    ["a protocol written with its ://", { server: "proxy.example.com", port: 8080, protocol: "socks5://" }],
    ["the port in the server, the protocol apart", { server: "proxy.example.com:8080", protocol: "socks5" }],
    ["the protocol in the server, the port apart", { server: "socks5://proxy.example.com", port: "8080" }],
    ["the parts before the server", { port: 8080, protocol: "socks5", server: "proxy.example.com" }],
  ])("%s: fix() writes socks5://proxy.example.com:8080", (_name, members) => {
    const text = config(members);
    expect(lint(text).map((finding) => finding.ruleId)).toEqual(["custom-proxy-server"]);
    const result = fix(text);
    expect(result.findings).toEqual([]);
    expect(proxyOf(result.output)).toEqual({ active: true, type: "custom", server: "socks5://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" });
  });

  it("with a host instead of a server, required-property's one finding offers the joined server", () => {
    const text = config({ hostname: "proxy.example.com", proxy_port: 8080, scheme: "socks5" });
    const findings = lint(text);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["required-property"]);
    expect(findings[0]!.message).toMatch(/"hostname", "proxy_port" and "scheme" are written instead, which the API ignores: did you mean "server": "socks5:\/\/proxy\.example\.com:8080"\?$/);
    const suggestion = findings[0]!.suggestions![0]!;
    const output = applyEdits(text, suggestion.edits!);
    expect(proxyOf(output)).toEqual({ active: true, type: "custom", server: "socks5://proxy.example.com:8080", username: "${env:U}", password: "${env:P}" });
    expect(lint(output)).toEqual([]);
  });

  it("with a comment in a key it would remove, the join is only offered: --fix never drops what a comment says", () => {
    const text = config({ server: "proxy.example.com", port: 8080, protocol: "socks5" }).replace('"port": 8080', '"port": /* the office proxy */ 8080');
    // strict-json says the comment is no JSON; the server is one finding.
    const [finding, ...rest] = lint(text).filter((each) => each.ruleId !== "strict-json");
    expect(rest).toEqual([]);
    expect(finding!.fix).toBeUndefined();
    expect(fix(text).output).toBe(text);
    const offered = applyEdits(text, finding!.suggestions![0]!.edits!);
    expect(offered.replace(/\/\*.*?\*\//g, "")).toContain('"server": "socks5://proxy.example.com:8080"');
  });

  it("a host written as a placeholder for the missing server: no server offered that load() would leave as written", () => {
    const text = JSON.stringify({ count: 2, configuration: { session: { proxy: { active: true, type: "custom", host: "${env:PROXY_HOST}", port: 8080, username: "${env:U}", password: "${env:P}" } } } }, null, 2);
    const findings = lint(text);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["required-property"]);
    expect(findings[0]!.message).toContain('did you mean one "server" in PROTOCOL://HOST:PORT format?');
    expect(findings[0]!.suggestions ?? []).toEqual([]);
  });

  it("never joins ${env:...} placeholders into the server, which load() would leave as written: one finding, no fix", () => {
    const text = config({ server: "proxy.example.com", port: "${env:PROXY_PORT}", protocol: "socks5" });
    const [finding, ...rest] = lint(text);
    expect(rest).toEqual([]);
    expect(finding!.message).toContain('load() resolves ${env:NAME} placeholders in "username" and "password" only');
    expect(finding!.fix).toBeUndefined();
    expect(finding!.suggestions ?? []).toEqual([]);
    expect(fix(text).output).toBe(text);
  });

  it.each([
    ["a protocol the API does not accept", { server: "proxy.example.com", port: 8080, protocol: "ftp" }, '"protocol" gives "ftp", which the API does not accept: the protocol is "http", "https" or "socks5".'],
    ["two different ports", { server: "proxy.example.com:8080", port: 9090, protocol: "socks5" }, 'has no protocol and the port 8080, while "port" says 9090; which port is meant is yours to say.'],
  ])("%s: said in the one finding, nothing joined", (_name, members, said) => {
    const text = config(members);
    const findings = lint(text);
    expect(findings.map((finding) => finding.ruleId)).toEqual(["custom-proxy-server"]);
    expect(findings[0]!.message).toContain(said);
    expect(findings[0]!.fix).toBeUndefined();
    expect(findings[0]!.suggestions).toBeUndefined();
    expect(fix(text, { unsafe: true }).output).toBe(text);
  });

  it("a server without protocol and no parts keeps today's message", () => {
    const findings = lint(config({ server: "proxy.example.com" }));
    expect(findings.map((finding) => finding.message)).toEqual([
      'The proxy server "proxy.example.com" has no protocol; expected PROTOCOL://HOST:PORT with "http", "https" or "socks5" as the protocol, e.g. "http://proxy.example.com:8080".',
    ]);
  });
});
