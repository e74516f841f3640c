// The packaged extension in real VS Code (code-server 4.100.3) driven from headless Chromium:
// what a user sees, read from the page.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type Browser } from "./harness/browser.js";
import { startCodeServer, type CodeServer } from "./harness/code-server.js";
import { brokenFile, brokenFindings, mobileCountryCursor, mobileFile, unquote } from "./harness/expected.js";
import { artifacts, fixtures, repoRoot, vsixPath } from "./harness/tools.js";
import { Workbench } from "./harness/vscode-page.js";

const screenshotsForReadme = path.join(repoRoot, "apps/vscode-extension/images");

let server: CodeServer | undefined;
let browser: Browser | undefined;
let page: Page;
let vscode: Workbench;

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
  beforeAll(async () => {
    // The .vsix as `pnpm package` builds it (turbo: core, server, extension, then vsce).
    execFileSync(path.join(repoRoot, "node_modules/.bin/turbo"), ["run", "package", "--filter=anchor-lint", "--output-logs=errors-only"], {
      cwd: repoRoot,
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" },
      stdio: "pipe",
    });
    server = await startCodeServer({ vsix: vsixPath, workspace: path.join(fixtures, "workspace") });
    browser = await launchChromium();
    page = await browser.context.newPage();
    vscode = new Workbench(page);
    await page.goto(server.url);
    await vscode.waitForExplorer();
  }, 240_000);

  afterAll(async () => {
    if (page) await page.screenshot({ path: path.join(artifacts, "last.png") }).catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it("underlines the mistakes and lists them in the Problems panel with rule ids and lines", async () => {
    await vscode.open(brokenFile);
    const errors = brokenFindings.filter((f) => f.severity === "error").length;
    const warnings = brokenFindings.length - errors;
    await expect.poll(() => vscode.squiggles("error").count(), { timeout: 30_000 }).toBe(errors);
    await expect.poll(() => vscode.squiggles("warning").count(), { timeout: 10_000 }).toBe(warnings);

    const rows = await vscode.problems();
    const ours = rows.filter((r) => r.includes("anchor-lint"));
    expect(ours, rows.join("\n")).toHaveLength(brokenFindings.length);
    for (const want of brokenFindings) {
      const row = ours.find((r) => r.includes(want.ruleId) && new RegExp(`at line ${want.line} and character`).test(r));
      expect(row, `no ${want.ruleId} on line ${want.line} in:\n${rows.join("\n")}`).toBeDefined();
      expect(row).toMatch(want.severity === "error" ? /^Error: / : /^Warning: /);
      expect(row).toMatch(want.message);
    }
    // Hover on the count: the message and the rule's docs link, as a user meets it.
    await page.locator(".editor-instance .squiggly-error").first().hover();
    await page.locator(".monaco-hover", { hasText: "Session count must be between 1 and 1000" }).first().waitFor();
    await screenshot("squiggles");
    await page.keyboard.press("Escape");
  }, 90_000);

  it("checks only *.anchor.json files", async () => {
    await vscode.open("notes.json");
    await page.waitForTimeout(2_000);
    const rows = await vscode.problems();
    expect(rows.filter((r) => r.includes("notes.json") && r.includes("anchor-lint"))).toEqual([]);
  }, 60_000);

  it("completes country codes of the proxy's type: bt under anchor_mobile, not hk", async () => {
    await vscode.open(mobileFile);
    await vscode.goTo(mobileCountryCursor.line, mobileCountryCursor.column);
    const all = await vscode.suggest();
    expect(all.length, JSON.stringify(all)).toBeGreaterThan(5);
    await screenshot("completion");
    await page.keyboard.press("Escape");

    await page.keyboard.type("bt");
    const bt = await vscode.suggest();
    expect(bt.map((i) => unquote(i.label)), JSON.stringify(bt)).toContain("bt");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Backspace");

    // Every h-code of anchor_mobile fits on screen; hk (Hong Kong) is residential-only.
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
    await vscode.goTo(12, 26);
    await page.keyboard.press("Control+.");
    const item = page.locator(".action-widget .monaco-list-row", { hasText: 'Change "US" to "us"' });
    await item.waitFor({ timeout: 15_000 });
    await screenshot("quick-fix");
    await item.click();
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
});
