import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TestClient, pathUri, type ClientOptions } from "./client.js";

// The editor must show what CI reports: these tests hold the server to the CLI's config resolution.

const cliDir = fileURLToPath(new URL("../../cli/", import.meta.url));
const cli = join(cliDir, "dist/anchor-lint.js");

beforeAll(() => {
  // The comparison runs the CLI as CI does: its bundle, built from the current sources.
  execFileSync(process.execPath, [join(cliDir, "build.mjs")], { stdio: "inherit" });
});

const clients: TestClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.stop()));
});

async function start(options: ClientOptions = {}): Promise<TestClient> {
  const client = await TestClient.start(options);
  clients.push(client);
  return client;
}

/** A folder holding `.git` (where config lookup stops, for the CLI and the server alike) and the files. */
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "anchor-lint-ls-config-"));
  mkdirSync(join(root, ".git"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

// count-range (error), proxy-country (error), known-property (warning).
const broken = `{
  "count": 2000,
  "configuration": {
    "session": { "proxy": { "active": true, "type": "anchor_mobile", "country_code": "BT" } },
    "browser": { "headles": { "active": true } }
  }
}
`;

const clean = `{
  "count": 2,
  "configuration": { "browser": { "headless": { "active": true } } }
}
`;

async function diagnosticsOf(client: TestClient, root: string, name: string): Promise<[string, number][]> {
  const uri = pathUri(join(root, name));
  await client.open(uri, readFileSync(join(root, name), "utf8"));
  return (await client.diagnosticsFor(uri)).map((d) => [d.code, d.severity]);
}

describe("the config file as the CLI reads it", () => {
  it("applies the override that matches a file: its severities and its offs", async () => {
    const root = repository({
      "anchor-lint.config.json": JSON.stringify({
        rules: { "known-property": "error" },
        overrides: [{ files: ["staging/**"], rules: { "count-range": "warn", "known-property": "off" } }],
      }),
      "prod.anchor.json": broken,
      "staging/try.anchor.json": broken,
    });
    const client = await start({ rootPath: root });
    expect(await diagnosticsOf(client, root, "prod.anchor.json")).toEqual([["count-range", 1], ["proxy-country", 1], ["known-property", 1]]);
    expect(await diagnosticsOf(client, root, "staging/try.anchor.json")).toEqual([["count-range", 2], ["proxy-country", 1]]);
  });

  it("shows nothing, and offers no fixes, for a file the config ignores", async () => {
    const root = repository({
      "anchor-lint.config.json": JSON.stringify({ ignores: ["drafts/", "*.old.anchor.json"] }),
      "drafts/wip.anchor.json": broken,
      "batch.old.anchor.json": broken,
      "batch.anchor.json": broken,
    });
    const client = await start({ rootPath: root });
    expect(await diagnosticsOf(client, root, "batch.anchor.json")).toHaveLength(3);
    expect(await diagnosticsOf(client, root, "drafts/wip.anchor.json")).toEqual([]);
    expect(await diagnosticsOf(client, root, "batch.old.anchor.json")).toEqual([]);
    const actions = await client.request("textDocument/codeAction", {
      textDocument: { uri: pathUri(join(root, "drafts/wip.anchor.json")) },
      range: { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll.anchor-lint"] },
    });
    expect(actions).toEqual([]);
  });

  it("lays the editor's settings over the override", async () => {
    const root = repository({
      "anchor-lint.config.json": JSON.stringify({ overrides: [{ files: ["staging/**"], rules: { "count-range": "off" } }] }),
      "staging/try.anchor.json": broken,
    });
    const client = await start({ rootPath: root, configuration: () => ({ rules: { "count-range": "warn" } }) });
    expect(await diagnosticsOf(client, root, "staging/try.anchor.json")).toEqual([["count-range", 2], ["proxy-country", 1], ["known-property", 2]]);
  });

  it("picks up ignores typed into the open config file before it is saved", async () => {
    const root = repository({ "anchor-lint.config.json": "{}", "drafts/wip.anchor.json": broken });
    const uri = pathUri(join(root, "drafts/wip.anchor.json"));
    const client = await start({ rootPath: root });
    expect(await diagnosticsOf(client, root, "drafts/wip.anchor.json")).toHaveLength(3);
    const before = client.published.length;
    await client.open(pathUri(join(root, "anchor-lint.config.json")), '{ "ignores": ["drafts/"] }');
    const next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics).toEqual([]);
  });

  it("keeps the valid entries of a config file with mistakes, and shows the mistakes on the open config file", async () => {
    const config = `{
  "rules": { "known-property": "off", "proxy-contry": "off" },
  "overrides": [{ "files": ["staging/**"], "rules": { "count-range": "warn" }, "severity": "off" }]
}
`;
    const root = repository({ "anchor-lint.config.json": config, "staging/try.anchor.json": broken });
    const client = await start({ rootPath: root });
    // Not open: announced once as a message.
    expect(await diagnosticsOf(client, root, "staging/try.anchor.json")).toEqual([["count-range", 2], ["proxy-country", 1]]);
    const message = await client.until(() => client.messages[0]);
    expect(message.message).toContain('unknown rule "proxy-contry" (did you mean "proxy-country"?)');
    expect(message.message).toContain("(and 1 more)");

    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    await client.open(configUri, config);
    const shown = await client.until(() => client.published.find((p) => p.uri === configUri));
    expect(shown.diagnostics.map((d: any) => [d.message, d.range.start.line, d.range.start.character])).toEqual([
      ['unknown rule "proxy-contry" (did you mean "proxy-country"?)', 1, 38],
      ['/overrides/0/severity: unknown key "severity" in an override; known keys: "files", "rules"', 2, 79],
    ]);
    // Mended: the config file's diagnostics are cleared.
    const before = client.published.length;
    await client.change(configUri, [{ text: '{ "rules": { "known-property": "off" } }' }]);
    const mended = await client.until(() => client.published.slice(before).find((p) => p.uri === configUri));
    expect(mended.diagnostics).toEqual([]);
  });

  it("shows a JSON syntax error of the open config file where it is, whatever V8's message says", async () => {
    // Node 20's JSON.parse names no position for a bad token ("Unexpected token 'o', ... is not valid JSON").
    const config = '{\n  "rules": { "known-property": of }\n}\n';
    const root = repository({ "anchor-lint.config.json": config, "staging/try.anchor.json": broken });
    const client = await start({ rootPath: root });
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    await client.open(configUri, config);
    const shown = await client.until(() => client.published.find((p) => p.uri === configUri));
    expect(shown.diagnostics.map((d: any) => [d.message, d.range])).toEqual([
      ["invalid JSON at line 2, column 32: Unexpected character; found 'o'.", { start: { line: 1, character: 31 }, end: { line: 1, character: 33 } }],
    ]);
  });

  it("counts no column for a config's BOM in the message, and keeps the range on the document's text", async () => {
    const config = '\ufeff{"rules": of}\n';
    const root = repository({ "anchor-lint.config.json": config, "staging/try.anchor.json": broken });
    const client = await start({ rootPath: root });
    // Not open: read from disk, BOM and all; the column is the one editors show.
    await diagnosticsOf(client, root, "staging/try.anchor.json");
    const message = await client.until(() => client.messages[0]);
    expect(message.message).toContain("invalid JSON at line 1, column 11: Unexpected character; found 'o'.");
    // Open: LSP positions count the document's UTF-16 code units as the client sent them. VS Code
    // sends the text without its BOM; a client that keeps it gets a range that counts it.
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    for (const [text, start] of [[config.slice(1), 10], [config, 11]] as const) {
      const before = client.published.length;
      if (text === config) await client.change(configUri, [{ text }]);
      else await client.open(configUri, text);
      const shown = await client.until(() => client.published.slice(before).find((p) => p.uri === configUri));
      expect(shown.diagnostics.map((d: any) => [d.message, d.range])).toEqual([
        ["invalid JSON at line 1, column 11: Unexpected character; found 'o'.", { start: { line: 0, character: start }, end: { line: 0, character: start + 2 } }],
      ]);
    }
  });
});

describe("agreement with the CLI", () => {
  it("reports the same findings as `anchor-lint --format json` for every file of a folder with overrides, ignores and a nested config", async () => {
    const root = repository({
      "anchor-lint.config.json": JSON.stringify({
        maxCount: 1500,
        rules: { "known-property": "error" },
        ignores: ["archive/"],
        overrides: [
          { files: ["staging/**"], rules: { "count-range": "warn", "proxy-country": "off" } },
          { files: ["**/*.lenient.anchor.json"], rules: { "known-property": "off" } },
        ],
      }),
      "prod.anchor.json": broken,
      "clean.anchor.json": clean,
      "staging/a.anchor.json": broken,
      "staging/b.lenient.anchor.json": broken,
      "archive/old.anchor.json": broken,
      // Nearest config wins, with no cascading: the root's rules do not reach team/.
      "team/anchor-lint.config.json": JSON.stringify({ rules: { "count-range": "off" } }),
      "team/job.anchor.json": broken,
    });
    const files = ["prod.anchor.json", "clean.anchor.json", "staging/a.anchor.json", "staging/b.lenient.anchor.json", "archive/old.anchor.json", "team/job.anchor.json"];

    const run = spawnSync(process.execPath, [cli, "--format", "json", "."], { cwd: root, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number }[] }[];
    const fromCli = new Map(report.map((entry) => [entry.filePath, entry.messages.map((m) => [m.ruleId, m.severity === 2 ? "error" : "warning", m.line, m.column])]));

    const client = await start({ rootPath: root });
    const fromServer = new Map<string, unknown[][]>();
    for (const name of files) {
      const uri = pathUri(join(root, name));
      await client.open(uri, readFileSync(join(root, name), "utf8"));
      const diagnostics = await client.diagnosticsFor(uri);
      fromServer.set(name, diagnostics.map((d) => [d.code, d.severity === 1 ? "error" : "warning", d.range.start.line + 1, d.range.start.character + 1]));
    }

    for (const name of files) {
      // The CLI lists no entry for an ignored file; the server shows nothing for it.
      expect(fromServer.get(name), name).toEqual(fromCli.get(join(root, name)) ?? []);
    }
    // The fixture exercises what it claims to: an ignored file, an override, a file with findings.
    expect(fromCli.has(join(root, "archive/old.anchor.json"))).toBe(false);
    expect(fromServer.get("staging/a.anchor.json")).toEqual([["count-range", "warning", 2, 12], ["known-property", "error", 5, 18]]);
    expect(fromServer.get("team/job.anchor.json")!.map((f) => f[0])).toEqual(["proxy-country", "known-property"]);
  });
});
