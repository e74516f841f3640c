import type { Locator, Page } from "playwright-core";

/** Helpers that drive the VS Code workbench the way a user would: keyboard and clicks. */
export class Workbench {
  constructor(readonly page: Page) {}

  async waitForExplorer(): Promise<void> {
    await this.page.waitForSelector(".explorer-folders-view .monaco-list-row", { timeout: 60_000 });
  }

  /** Opens a file from the Explorer and waits for its editor to have focus. */
  async open(name: string): Promise<void> {
    await this.page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first().dblclick();
    await this.page.locator(".tab.active", { hasText: name }).waitFor();
    await this.page.locator(".editor-instance .monaco-editor .view-lines").first().click();
  }

  /** Moves the cursor with "Go to Line/Column" (1-based, as the status bar shows). */
  async goTo(line: number, column: number): Promise<void> {
    await this.page.keyboard.press("Control+G");
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor();
    await input.fill(`${line}:${column}`);
    await this.page.keyboard.press("Enter");
    await this.page.locator(".statusbar-item", { hasText: `Ln ${line}, Col ${column}` }).waitFor();
  }

  squiggles(kind: "error" | "warning"): Locator {
    return this.page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`);
  }

  /** The visible text of the active editor (small files fit on screen). */
  async editorText(): Promise<string> {
    const lines = this.page.locator(".editor-instance .monaco-editor .view-lines .view-line");
    const tops = await lines.evaluateAll((nodes) =>
      nodes.map((n) => ({ top: parseFloat((n as HTMLElement).style.top), text: n.textContent ?? "" })),
    );
    return tops
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text.replace(/\u00a0/g, " "))
      .join("\n");
  }

  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget input");
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor();
    await this.page.keyboard.press("Enter");
  }

  /** Opens the Problems panel and returns its rows as the accessibility text VS Code gives them. */
  async problems(): Promise<string[]> {
    if (!(await this.page.locator(".markers-panel").isVisible())) await this.page.keyboard.press("Control+Shift+M");
    await this.page.locator(".markers-panel").waitFor();
    const rows = this.page.locator(".markers-panel .monaco-list-row");
    return (await rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label") ?? ""))).filter(Boolean);
  }

  /** Triggers completion at the cursor and returns the visible rows' labels and details. */
  async suggest(): Promise<{ label: string; detail: string }[]> {
    await this.page.keyboard.press("Control+Space");
    const widget = this.page.locator(".suggest-widget.visible");
    await widget.waitFor({ timeout: 15_000 });
    // The list fills after the server answers; "Loading..." comes first.
    await this.page.waitForFunction(
      () => {
        const w = document.querySelector(".suggest-widget.visible");
        return !!w && (w.querySelector(".monaco-list-row") !== null || /No suggestions/.test(w.textContent ?? ""));
      },
      undefined,
      { timeout: 15_000 },
    );
    return widget.locator(".monaco-list-row").evaluateAll((rows) =>
      rows.map((row) => ({
        label: row.querySelector(".label-name")?.textContent ?? "",
        detail: (row.querySelector(".details-label")?.textContent || row.querySelector(".label-description")?.textContent) ?? "",
      })),
    );
  }
}
