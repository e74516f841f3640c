import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { broken, pathUri, start, workspace } from "../helpers.js";

describe("settings and config files", () => {
  it("applies the workspace's anchor-lint.config.json", async () => {
    const root = workspace({ "anchor-lint.config.json": JSON.stringify({ maxCount: 5000, rules: { "known-property": "off" } }) });
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country"]);
  });

  it("lets settings override the config file, and re-checks when either changes", async () => {
    const root = workspace({ "anchor-lint.config.json": JSON.stringify({ rules: { "known-property": "off" } }) });
    const uri = pathUri(join(root, "batch.anchor.json"));
    let settings: Record<string, unknown> = { rules: { "proxy-country": "warn" } };
    const client = await start({ rootPath: root, configuration: () => settings });
    await client.open(uri, broken);
    const first = await client.diagnosticsFor(uri);
    expect(first.map((d) => [d.code, d.severity])).toEqual([["count-range", 1], ["proxy-country", 2]]);
    expect(client.registrations.map((r) => r.method)).toEqual(expect.arrayContaining(["workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles"]));

    settings = { maxCount: 3000, rules: { "known-property": "error" } };
    let before = client.published.length;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    let next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics.map((d: any) => [d.code, d.severity])).toEqual([["proxy-country", 1], ["known-property", 1]]);

    settings = {};
    writeFileSync(join(root, "anchor-lint.config.json"), JSON.stringify({ rules: { "proxy-country": "off" } }));
    before = client.published.length;
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathUri(join(root, "anchor-lint.config.json")), type: 2 }] });
    next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics.map((d: any) => d.code)).toEqual(["count-range", "known-property"]);
  });

  it("applies the good settings beside a misspelt one, and says once which setting is wrong", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, configuration: () => ({ maxCount: 5000, rules: { "proxy-country": "off", "known-propert": "off" } }) });
    await client.open(uri, broken);
    // maxCount and proxy-country apply although known-propert is not a rule.
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["known-property"]);
    const message = await client.until(() => client.messages[0]);
    expect(message.type).toBe(2);
    expect(message.message).toBe('anchor-lint: anchorLint.rules["known-propert"]: unknown rule "known-propert" (did you mean "known-property"?)');
    await client.open(pathUri(join(root, "other.anchor.json")), broken);
    await client.diagnosticsFor(pathUri(join(root, "other.anchor.json")));
    expect(client.messages).toHaveLength(1);
  });

  it("reads initializationOptions and didChangeConfiguration from clients without workspace/configuration", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, initializationOptions: { anchorLint: { maxCount: 5000 } } });
    await client.open(uri, broken);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country", "known-property"]);
    const before = client.published.length;
    await client.connection.sendNotification("workspace/didChangeConfiguration", { settings: { anchorLint: { enable: false } } });
    // Disabling clears what was shown.
    const next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics).toEqual([]);
  });

  it("follows edits of the open config file before they are saved", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const configUri = pathUri(join(root, "anchor-lint.config.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    await client.diagnosticsFor(uri);
    const before = client.published.length;
    await client.open(configUri, '{ "rules": { "count-range": "off", "proxy-country": "off" } }');
    const next = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(next.diagnostics.map((d: any) => d.code)).toEqual(["known-property"]);
    expect(client.published.some((p) => p.uri === configUri)).toBe(false);
  });

  it("gives unsaved and virtual documents no config file, not even the one of the folder their path names or the server runs in", async () => {
    const root = workspace({ "anchor-lint.config.json": JSON.stringify({ maxCount: 5000, rules: { "proxy-country": "off", "known-property": "off" } }) });
    const client = await start({ rootPath: root, cwd: root });
    const onDisk = pathUri(join(root, "batch.anchor.json"));
    await client.open(onDisk, broken);
    expect(await client.diagnosticsFor(onDisk)).toEqual([]);
    const elsewhere = [
      // VS Code's untitled documents: with the path they will be saved to, with a bare name.
      `untitled:${join(root, "new.anchor.json")}`,
      "untitled:new.anchor.json",
      // Virtual file systems and editors' views of other versions.
      "vscode-vfs://github/owner/repo/batch.anchor.json",
      `git:${join(root, "batch.anchor.json")}?%7B%22ref%22%3A%22HEAD%22%7D`,
    ];
    for (const uri of elsewhere) {
      await client.open(uri, broken);
      expect((await client.diagnosticsFor(uri)).map((d) => d.code), uri).toEqual(["count-range", "proxy-country", "known-property"]);
    }
  });

  it("uses a custom file pattern", async () => {
    const root = workspace();
    const client = await start({ rootPath: root, initializationOptions: { filePattern: "**/batches/*.json" } });
    const inside = pathUri(join(root, "batches", "a.json"));
    await client.open(inside, '{ "count": 0 }');
    expect((await client.diagnosticsFor(inside)).map((d) => d.code)).toEqual(["count-range"]);
  });

  it("reports a broken config file once and keeps linting", async () => {
    const root = workspace({ "anchor-lint.config.json": '{ "rules": { "no-such-rule": "off" } }' });
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    expect(await client.diagnosticsFor(uri)).toHaveLength(3);
    const message = await client.until(() => client.messages[0]);
    expect(message.message).toContain("no-such-rule");
  });
});
