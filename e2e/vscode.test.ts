// The packaged extension in real VS Code (code-server 4.100.3) driven from headless Chromium:
// what a user sees, read from the page.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, type Browser } from "./harness/browser.js";
import { startCodeServer, type CodeServer } from "./harness/code-server.js";
import { brokenFile, brokenFindings, mobileCountryCursor, mobileFile, unquote } from "./harness/expected.js";
import { expectSoundJson } from "./harness/buffer.js";
import { artifacts, fixtures, repoRoot, vsixPath } from "./harness/tools.js";
import { Workbench } from "./harness/vscode-page.js";

const screenshotsForReadme = path.join(repoRoot, "apps/vscode-extension/images");

let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let vscode: Workbench;

/** The served workspace's .vscode/settings.json, as a user would write it; VS Code watches it. */
function writeWorkspaceSettings(settings: Record<string, unknown>): void {
  mkdirSync(path.join(server!.workspace, ".vscode"), { recursive: true });
  writeFileSync(path.join(server!.workspace, ".vscode", "settings.json"), JSON.stringify(settings, null, 2));
}

async function screenshot(name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, `${name}.png`);
  await page.screenshot({ path: file });
  // Refreshes the Marketplace page's pictures on request, not on every run.
  if (process.env.ANCHOR_LINT_UPDATE_SCREENSHOTS === "1") {
    mkdirSync(screenshotsForReadme, { recursive: true });
    copyFileSync(file, path.join(screenshotsForReadme, `${name}.png`));
  }
}

describe("VS Code (code-server) with the packaged extension", () => {
  // A missing tool or a failed build fails every test with its message, rather than leaving them
  // "skipped" as a failed beforeAll would (a CI summary counts failed tests).
  let setupError: unknown;
  beforeEach(() => {
    if (setupError) throw setupError;
  });

  beforeAll(async () => {
    try {
      await setUp();
    } catch (error) {
      setupError = error;
    }
  }, 240_000);

  async function setUp(): Promise<void> {
    // The .vsix as `pnpm package` builds it (turbo: core, server, extension, then vsce).
    try {
      execFileSync(path.join(repoRoot, "node_modules/.bin/turbo"), ["run", "package", "--filter=anchor-lint", "--output-logs=errors-only"], {
        cwd: repoRoot,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
        stdio: "pipe",
        encoding: "utf8",
      });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`building the .vsix (turbo run package --filter=anchor-lint) failed:\n${stdout ?? ""}${stderr ?? ""}`);
    }
    server = await startCodeServer({
      vsix: vsixPath,
      workspace: path.join(fixtures, "workspace"),
      // As the README suggests; only onsave.anchor.json is saved with fixable problems left.
      settings: { "editor.codeActionsOnSave": { "source.fixAll.anchor-lint": "explicit" } },
    });
    browser = await launchChromium();
    page = await browser.context.newPage();
    vscode = new Workbench(page);
    await page.goto(server.url);
    await vscode.waitForExplorer();
  }

  afterAll(async () => {
    if (page) await page.screenshot({ path: path.join(artifacts, "last.png") }).catch(() => {});
    try {
      await browser?.close();
    } finally {
      await server?.stop();
    }
  });

  it("underlines the mistakes and lists them in the Problems panel with rule ids and lines", async () => {
    await vscode.open(brokenFile);
    const errors = brokenFindings.filter((f) => f.severity === "error").length;
    const warnings = brokenFindings.length - errors;
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 30_000 }).toBe(errors);
    await expect.poll(() => vscode.squiggles("warning").count(), { timeout: 10_000 }).toBe(warnings);

    const ours = await vscode.problems(brokenFile);
    const shown = JSON.stringify(ours, null, 2);
    expect(ours, shown).toHaveLength(brokenFindings.length);
    for (const want of brokenFindings) {
      const got = ours.find((p) => p.code === want.ruleId && p.line === want.line);
      expect(got, `no ${want.ruleId} on line ${want.line} in:\n${shown}`).toBeDefined();
      expect(got!.source).toBe("anchor-lint");
      expect(got!.severity).toBe(want.severity);
      expect(got!.message).toMatch(want.message);
    }
    // The hover on the count: the message, the rule with its docs link, the property's docs.
    await vscode.goTo(2, 12);
    await vscode.showHover();
    const hover = page.locator(".monaco-hover", { hasText: "Session count must be between 1 and 1000" }).first();
    await hover.waitFor();
    // The server's own hover joins the problem's: the spec's description and the rule's docs.
    await page.locator(".monaco-hover", { hasText: "Number of sessions to create in the batch" }).first().waitFor();
    expect(await hover.innerText()).toContain("count-range");
    expect(await hover.innerText()).toContain("Documentation");
    await screenshot("squiggles");
    await page.keyboard.press("Escape");
  }, 90_000);

  it("checks only *.anchor.json files", async () => {
    await vscode.open("notes.json");
    await page.waitForTimeout(2_000);
    expect(await vscode.problems("notes.json")).toEqual([]);
    expect(await vscode.squiggles("error").count()).toBe(0);
  }, 60_000);

  it("reports each syntax mistake once, beside VS Code's own JSON validation", async () => {
    await vscode.open("syntax.anchor.json");
    const summary = async () =>
      (await vscode.problems("syntax.anchor.json")).map((p) => `${p.line}:${p.column} ${p.source}(${p.code}) ${p.message}`);
    // The comment and the trailing comma: anchor-lint's strict-json only (its schema association
    // tells VS Code they are allowed); the missing comma: VS Code's own error only. VS Code's first
    // pass may run before it has read that association, hence the poll.
    await expect
      .poll(summary, { timeout: 30_000 })
      .toEqual([
        expect.stringMatching(/^2:3 anchor-lint\(strict-json\) Comments are not allowed/),
        expect.stringMatching(/^4:34 json\b/),
        expect.stringMatching(/^5:65 anchor-lint\(strict-json\) Trailing commas are not allowed/),
      ]);
    expect(await vscode.squiggles("error").count()).toBe(3);
  }, 60_000);

  it("shows its own syntax errors while VS Code's JSON validation is off, and hides them again when it is back on", async () => {
    await vscode.open("syntax.anchor.json");
    const summary = async () =>
      (await vscode.problems("syntax.anchor.json")).map((p) => `${p.line}:${p.column} ${p.source}(${p.code}) ${p.message}`);
    const strictJson = [
      expect.stringMatching(/^2:3 anchor-lint\(strict-json\) Comments are not allowed/),
      expect.stringMatching(/^5:65 anchor-lint\(strict-json\) Trailing commas are not allowed/),
    ];
    const vscodeOwn = [strictJson[0], expect.stringMatching(/^4:34 json\b/), strictJson[1]];
    await expect.poll(summary, { timeout: 30_000 }).toEqual(vscodeOwn);
    // Turned off in the workspace's settings with the file open: VS Code's error goes, and the
    // missing comma is still reported, by anchor-lint's json-syntax.
    writeWorkspaceSettings({ "json.validate.enable": false });
    await expect
      .poll(summary, { timeout: 30_000 })
      .toEqual([strictJson[0], expect.stringMatching(/^4:34 anchor-lint\(json-syntax\) /), strictJson[1]]);
    expect(await vscode.squiggles("error").count()).toBe(3);

    // Back on: VS Code's error again, and only it, on the missing comma.
    writeWorkspaceSettings({ "json.validate.enable": true });
    await expect.poll(summary, { timeout: 30_000 }).toEqual(vscodeOwn);
    expect(await vscode.squiggles("error").count()).toBe(3);
  }, 90_000);

  it("still says when a file is empty, which VS Code's JSON validation does not", async () => {
    await vscode.open("empty.anchor.json");
    await expect
      .poll(async () => (await vscode.problems("empty.anchor.json")).map((p) => `${p.line} ${p.source}(${p.code}) ${p.message}`), {
        timeout: 30_000,
      })
      .toEqual([expect.stringMatching(/^1 anchor-lint\(json-syntax\) The file is empty/)]);
  }, 60_000);

  it("formats with VS Code's JSON formatter, without asking which formatter to use", async () => {
    await vscode.open("format.anchor.json");
    // One outline, not two: no "JSON Language Features" level in the breadcrumbs. The outline
    // showing up also says that the JSON extension, and so its formatter, is ready.
    await vscode.goTo(1, 60);
    const breadcrumbs = page.locator(".breadcrumbs-control").first();
    await expect.poll(() => breadcrumbs.innerText(), { timeout: 30_000 }).toContain("active");
    expect(await breadcrumbs.innerText()).not.toContain("JSON Language Features");

    await vscode.runCommand("Format Document");
    await expect.poll(async () => (await vscode.editorText()).trimEnd()).toBe(
      // VS Code's default indentation (4 spaces) for a file that has none to detect.
      '{\n    "count": 2,\n    "configuration": {\n        "browser": {\n            "headless": {\n                "active": true\n            }\n        }\n    }\n}',
    );
    expect(await page.locator(".monaco-dialog-box").count()).toBe(0);
  }, 60_000);

  it("completes country codes of the proxy's type: bt under anchor_mobile, not hk", async () => {
    await vscode.open(mobileFile);
    // Room for the list and its documentation in the screenshot.
    await vscode.togglePart("panel", false);
    await vscode.togglePart("sidebar", false);
    await vscode.goTo(mobileCountryCursor.line, mobileCountryCursor.column);
    const all = await vscode.suggest();
    expect(all.length, JSON.stringify(all)).toBeGreaterThan(5);
    // Ctrl+Space again opens the side panel with the item's documentation.
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-details-container .suggest-details").first().waitFor({ timeout: 5_000 }).catch(() => {});
    await screenshot("completion");
    await page.keyboard.press("Escape");
    await vscode.togglePart("sidebar", true);

    await page.keyboard.type("bt");
    const bt = await vscode.suggest();
    expect(bt.map((i) => unquote(i.label)), JSON.stringify(bt)).toContain("bt");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");

    // Every h-code of anchor_mobile fits on screen; hk (Hong Kong) is residential-only.
    await page.keyboard.type("h");
    const h = await vscode.suggest();
    const labels = h.map((i) => unquote(i.label));
    expect(labels, JSON.stringify(h)).toContain("hu");
    expect(labels).not.toContain("hk");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");

    // Same spot once the type says anchor_residential: the list follows the type.
    await vscode.goTo(7, 18);
    await page.keyboard.press("Control+Shift+ArrowRight");
    await page.keyboard.type("anchor_residential");
    await vscode.goTo(mobileCountryCursor.line, mobileCountryCursor.column);
    await page.keyboard.type("h");
    const residential = (await vscode.suggest()).map((i) => unquote(i.label));
    expect(residential).toContain("hk");
    await page.keyboard.press("Escape");
  }, 90_000);

  it("applies a quick fix: \"US\" becomes \"us\"", async () => {
    await vscode.open(brokenFile);
    await vscode.togglePart("panel", false);
    await vscode.goTo(12, 26);
    const actions = await vscode.quickFixes();
    expect(actions).toContain('Change "US" to "us"');
    await screenshot("quick-fix");
    await vscode.chooseQuickFix('Change "US" to "us"');
    await expect.poll(() => vscode.editorText()).toContain('"country_code": "us"');
    await page.keyboard.press("Control+S");
    const onDisk = path.join(server!.workspace, brokenFile);
    const original = readFileSync(path.join(fixtures, "workspace", brokenFile), "utf8");
    await expect.poll(() => readFileSync(onDisk, "utf8")).toBe(original.replace('"country_code": "US"', '"country_code": "us"'));
    // The fixed finding is gone, the others stay.
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 15_000 }).toBe(1);
  }, 60_000);

  it("fixes every fixable problem with \"anchor-lint: Fix all problems in file\"", async () => {
    await vscode.open("fixable.anchor.json");
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 30_000 }).toBe(2);
    await vscode.runCommand("anchor-lint: Fix all problems in file");
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 15_000 }).toBe(0);
    const text = await vscode.editorText();
    expect(text).toContain('"country_code": "de" }');
    expect(text).not.toMatch(/}\s*,\s*\n\s*}/);
  }, 60_000);

  it("fixes on save with editor.codeActionsOnSave: source.fixAll.anchor-lint", async () => {
    await vscode.open("onsave.anchor.json");
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 30_000 }).toBe(2);
    await vscode.goTo(2, 13);
    await page.keyboard.type("0");
    await page.keyboard.press("Control+S");
    const onDisk = path.join(server!.workspace, "onsave.anchor.json");
    const original = readFileSync(path.join(fixtures, "workspace", "onsave.anchor.json"), "utf8");
    await expect
      .poll(() => readFileSync(onDisk, "utf8"), { timeout: 15_000 })
      .toBe(original.replace('"count": 1,', '"count": 10,').replace('"FR" },', '"fr" }'));
  }, 60_000);

  it("validates anchor-lint.config.json against the CLI's schema", async () => {
    await page.locator(".explorer-folders-view .monaco-list-row", { hasText: "team" }).first().click();
    await vscode.open("anchor-lint.config.json");
    await expect
      .poll(async () => (await vscode.problems("anchor-lint.config.json")).map((p) => `${p.line} ${p.message}`), {
        timeout: 30_000,
      })
      .toEqual(['3 Value is not accepted. Valid values: "off", "warn", "error".']);
  }, 60_000);
  it("accepts completions as a user does: a code in empty quotes, a country found by name, a key on an empty line", async () => {
    await vscode.open("accept.anchor.json");
    await vscode.togglePart("panel", false);
    // The server has the file once it underlines the empty code.
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await vscode.goTo(8, 26);
    const rows = await vscode.suggest();
    // The country's name on every row (label details), not only on the highlighted one.
    const named = rows.filter((row) => row.detail !== "");
    expect(named.length, JSON.stringify(rows)).toBeGreaterThan(3);
    expect(rows[0]).toEqual({ label: "us", detail: "United States" });
    await page.keyboard.press("Enter");
    await expect.poll(() => vscode.editorText()).toContain('        "country_code": "us"\n');

    // Found by its name: "germ" is Germany, de.
    await page.keyboard.press("Control+Z");
    await expect.poll(() => vscode.editorText()).toContain('        "country_code": ""\n');
    await page.keyboard.type("germ");
    const germ = await vscode.suggest();
    expect(germ.map((row) => row.label), JSON.stringify(germ)).toEqual(["de"]);
    await page.keyboard.press("Enter");
    await expect.poll(() => vscode.editorText()).toContain('        "country_code": "de"\n');

    // A key on a new line inside "session": the snippet, then Escape leaves its placeholders.
    await vscode.goTo(4, 17);
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await vscode.suggest();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+S");
    const onDisk = path.join(server!.workspace, "accept.anchor.json");
    await expect.poll(() => Object.keys(JSON.parse(readFileSync(onDisk, "utf8")).configuration.session).length, { timeout: 10_000 }).toBe(2);
    const saved = expectSoundJson(readFileSync(onDisk, "utf8"));
    expect(saved.configuration.session.proxy.country_code).toBe("de");
  }, 90_000);

  it("follows anchor-lint.config.json changed in the editor", async () => {
    // The team folder may be open (a test above opens it): close it, so that the Explorer shows one config file.
    const team = page.locator(".explorer-folders-view .monaco-list-row", { hasText: "team" }).first();
    if ((await team.getAttribute("aria-expanded")) === "true") await team.click();
    await vscode.open(brokenFile);
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await vscode.goTo(2, 12);
    expect(await vscode.quickFixes()).toContain("Disable count-range in anchor-lint.config.json");
    await vscode.chooseQuickFix("Disable count-range in anchor-lint.config.json");
    const config = path.join(server!.workspace, "anchor-lint.config.json");
    await expect.poll(() => readFileSync(config, "utf8").includes('"count-range": "off"'), { timeout: 15_000 }).toBe(true);
    await expect.poll(async () => (await vscode.problems(brokenFile)).map((p) => p.code), { timeout: 15_000 }).not.toContain("count-range");

    // Typed into the config file and saved: count-range is back, as a warning.
    await vscode.open("anchor-lint.config.json");
    await page.keyboard.press("Control+A");
    await page.keyboard.press("Backspace");
    await expect.poll(() => vscode.editorText()).toBe("");
    await page.keyboard.insertText('{ "rules": { "count-range": "warn" } }');
    await expect.poll(() => vscode.editorText()).toBe('{ "rules": { "count-range": "warn" } }');
    await page.keyboard.press("Control+S");
    await expect.poll(() => readFileSync(config, "utf8"), { timeout: 10_000 }).toContain('"warn"');
    await vscode.open(brokenFile);
    await expect
      .poll(async () => JSON.stringify((await vscode.problems(brokenFile)).filter((p) => p.code === "count-range")), { timeout: 20_000 })
      .toContain('"severity":"warning"');
  }, 90_000);

  it("writes to its output channel, where anchorLint.trace.server sends the protocol trace", async () => {
    await vscode.runCommand("anchor-lint: Show output");
    // The lines of the editors the panel shows (the Output view is one); Monaco writes spaces as
    // no-break spaces. The Output view's filter box may still hold a file name typed for the
    // Problems panel above: set to `shown` once the view is up.
    const panelText = async (shown = "") => {
      const filter = page.locator(".part.panel input:visible").first();
      if ((await filter.count()) > 0 && (await filter.inputValue()) !== shown) await filter.fill(shown);
      return page.locator(".part.panel .monaco-editor .view-line").evaluateAll((lines: Element[]) => lines.map((line) => (line.textContent ?? "").replace(/\u00a0/g, " ")).join("\n"));
    };
    try {
      await expect.poll(panelText, { timeout: 15_000 }).toMatch(/anchor-lint-language-server \d+\.\d+\.\d+ started/);
    } finally {
      await screenshot("output");
    }

    // Turned on in the workspace's settings: the running client's messages show at once (the
    // server reads its settings again and has the open files' diagnostics pulled again).
    writeWorkspaceSettings({ "anchorLint.trace.server": "verbose" });
    await expect.poll(panelText, { timeout: 15_000 }).toMatch(/\[info\] (Sending|Received) (request|response|notification) '[\w/$]+/);
    // Restarted, the channel shows the messages from the first one on, with their parameters
    // ("verbose"). The trace runs long, so the view's filter picks the handshake out, as one
    // looking for it would; the view follows the end (the server's answer), then Ctrl+Home
    // goes to the request.
    await vscode.runCommand("anchor-lint: Restart server");
    await vscode.runCommand("anchor-lint: Show output");
    const handshake = () => panelText("initialize");
    try {
      await expect.poll(handshake, { timeout: 20_000 }).toMatch(/\[info\] Sending notification 'initialized'/);
      expect(await handshake()).toMatch(/"serverInfo": \{\s*"name": "anchor-lint-language-server"/);
      await page.locator(".part.panel .monaco-editor .view-line").last().click();
      await page.keyboard.press("Control+Home");
      await expect.poll(handshake, { timeout: 5_000 }).toMatch(/\[info\] Sending request 'initialize - \(0\)'\.\s*Params: \{\s*"processId"/);
    } finally {
      await screenshot("output-trace");
    }
  }, 60_000);
});
