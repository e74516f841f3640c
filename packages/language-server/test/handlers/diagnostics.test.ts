import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { broken, pathUri, start, workspace } from "../helpers.js";

describe("diagnostics", () => {
  it("pushes diagnostics on open with rule id, docs link, source, 0-based range and severity", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    const diagnostics = await client.diagnosticsFor(uri);
    expect(diagnostics.map((d) => d.code)).toEqual(["count-range", "proxy-country", "known-property"]);
    expect(diagnostics[0]).toMatchObject({
      range: { start: { line: 1, character: 11 }, end: { line: 1, character: 15 } },
      severity: 1,
      source: "anchor-lint",
      message: "Session count must be between 1 and 1000 (found 2000). The API enforces 1000 although its page mentions up to 5,000; if your account allows more, set maxCount in the anchor-lint config.",
      codeDescription: { href: "https://github.com/anchor-lint/anchor-lint/blob/main/docs/rules/count-range.md" },
    });
    expect(diagnostics[2].severity).toBe(2);
  });

  it("carries related information where a rule involves two places", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "captcha.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, '{ "count": 1, "configuration": { "browser": { "captcha_solver": { "active": true } } } }');
    const [diagnostic] = await client.diagnosticsFor(uri);
    expect(diagnostic.code).toBe("captcha-requires-proxy");
    expect(diagnostic.relatedInformation[0]).toMatchObject({ location: { uri }, message: expect.stringContaining("No proxy is configured") });
  });

  it("re-checks on incremental changes and clears on close", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root });
    await client.open(uri, broken);
    expect(await client.diagnosticsFor(uri)).toHaveLength(3);
    // "2000" -> "20"
    await client.change(uri, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } }, text: "" }]);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country", "known-property"]);
    const before = client.published.length;
    await client.close(uri);
    const cleared = await client.until(() => client.published.slice(before).find((p) => p.uri === uri));
    expect(cleared.diagnostics).toEqual([]);
  });

  it("leaves files outside the file pattern alone: no diagnostics, completion, hover, formatting, outline, folding, selection or code actions", async () => {
    const root = workspace();
    const client = await start({ rootPath: root });
    const other = pathUri(join(root, "package.json"));
    const mine = pathUri(join(root, "a.anchor.json"));
    const text = broken;
    await client.open(other, text);
    await client.open(mine, text);
    const diagnostics = await client.diagnosticsFor(mine);
    expect(diagnostics).toHaveLength(3);
    const position = { line: 3, character: broken.split("\n")[3]!.indexOf('"BT"') + 1 };
    const everything = (uri: string) => {
      const textDocument = { uri };
      const whole = { start: { line: 0, character: 0 }, end: { line: text.split("\n").length - 1, character: 0 } };
      // What a client sends back for the matching document, sent for the other one (same text, same places).
      const sent = diagnostics.map(({ data, ...diagnostic }) => diagnostic);
      return Promise.all([
        client.request("textDocument/completion", { textDocument, position: { line: 0, character: 1 } }),
        client.request("textDocument/hover", { textDocument, position }),
        client.request("textDocument/formatting", { textDocument, options: { tabSize: 2, insertSpaces: true } }),
        client.request("textDocument/rangeFormatting", { textDocument, range: whole, options: { tabSize: 2, insertSpaces: true } }),
        client.request("textDocument/documentSymbol", { textDocument }),
        client.request("textDocument/foldingRange", { textDocument }),
        client.request("textDocument/selectionRange", { textDocument, positions: [position] }),
        client.request("textDocument/codeAction", { textDocument, range: whole, context: { diagnostics: sent } }),
        client.request("textDocument/codeAction", { textDocument, range: whole, context: { diagnostics: [], only: ["source.fixAll"] } }),
      ]);
    };
    // The same requests on the matching document all answer something: the test asks what would be noticed.
    const answers = await everything(mine);
    expect(answers.map((answer) => (Array.isArray(answer) ? answer.length > 0 : answer?.items?.length > 0 || Boolean(answer?.contents)))).toEqual(answers.map(() => true));
    expect(await everything(other)).toEqual([null, null, null, null, null, null, null, [], []]);
    expect(client.published.filter((p) => p.uri === other)).toEqual([]);
  });

  it("serves pull diagnostics to a client that declares them, and still pushes the same ones", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({ rootPath: root, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    await client.open(uri, broken);
    const report = await client.request("textDocument/diagnostic", { textDocument: { uri } });
    expect(report.kind).toBe("full");
    expect(report.items.map((d: any) => d.code)).toEqual(["count-range", "proxy-country", "known-property"]);
    const again = await client.request("textDocument/diagnostic", { textDocument: { uri }, previousResultId: report.resultId });
    expect(again.kind).toBe("unchanged");
    const version = await client.change(uri, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 15 } }, text: "" }]);
    const changed = await client.request("textDocument/diagnostic", { textDocument: { uri }, previousResultId: report.resultId });
    expect(changed.items.map((d: any) => d.code)).toEqual(["proxy-country", "known-property"]);
    const pushed = await client.until(() => client.published.filter((p) => p.uri === uri && p.version === version).at(-1));
    expect(pushed.diagnostics).toEqual(changed.items);
  });
});

describe("pull diagnostics declined", () => {
  it("declares no pull diagnostics to a client that can pull but passes pullDiagnostics: false, and pushes to it", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const pulling = { textDocument: { diagnostic: { dynamicRegistration: false } } };
    const declining = await start({ rootPath: root, capabilities: pulling, initializationOptions: { pullDiagnostics: false } });
    expect(declining.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
    await declining.open(uri, broken);
    expect((await declining.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["count-range", "proxy-country", "known-property"]);
    // The option sits beside the settings without becoming a bad setting.
    expect(declining.messages).toEqual([]);
    // Without the option the same client is offered pulls.
    const offered = await start({ rootPath: root, capabilities: pulling });
    expect(offered.initializeResult.capabilities.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
  });

  it("reads pullDiagnostics: false beside the anchorLint section of initializationOptions", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({
      rootPath: root,
      capabilities: { textDocument: { diagnostic: {} } },
      initializationOptions: { pullDiagnostics: false, anchorLint: { rules: { "count-range": "off" } } },
    });
    expect(client.initializeResult.capabilities.diagnosticProvider).toBeUndefined();
    await client.open(uri, broken);
    expect((await client.diagnosticsFor(uri)).map((d) => d.code)).toEqual(["proxy-country", "known-property"]);
  });
});

describe("pull diagnostics and settings", () => {
  it("asks a pulling client to refresh when the config file changes, then answers with the new config", async () => {
    const root = workspace();
    const uri = pathUri(join(root, "batch.anchor.json"));
    const client = await start({
      rootPath: root,
      capabilities: { textDocument: { diagnostic: {} }, workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await client.open(uri, broken);
    const first = await client.request("textDocument/diagnostic", { textDocument: { uri } });
    expect(first.items).toHaveLength(3);
    writeFileSync(join(root, "anchor-lint.config.json"), JSON.stringify({ rules: { "count-range": "off" } }));
    await client.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [{ uri: pathUri(join(root, "anchor-lint.config.json")), type: 1 }] });
    await client.until(() => (client.refreshes > 0 ? true : undefined));
    const second = await client.request("textDocument/diagnostic", { textDocument: { uri }, previousResultId: first.resultId });
    expect(second.kind).toBe("full");
    expect(second.items.map((d: any) => d.code)).toEqual(["proxy-country", "known-property"]);
  });
});
