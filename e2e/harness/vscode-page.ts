import type { Locator, Page } from "playwright-core";

export interface Problem {
  file: string;
  severity: string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

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
    const input = this.page.locator(".quick-input-widget input");
    const status = this.page.locator(".statusbar-item", { hasText: `Ln ${line}, Col ${column}` });
    // On a busy machine a late widget (a suggestion list, a hover) can take the focus and close
    // the box; try again rather than fail on the editor's timing.
    for (let attempt = 1; attempt <= 3; attempt++) {
      await this.page.keyboard.press("Control+G");
      try {
        await input.waitFor({ timeout: 5_000 });
        // The box opens holding ":", the prefix of this mode; without it the text is a file search.
        await input.fill(`:${line}:${column}`);
        await this.page.keyboard.press("Enter");
        await status.waitFor({ timeout: 5_000 });
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press("Escape");
      }
    }
  }

  /** Shows or hides the bottom panel (Ctrl+J) or the primary side bar (Ctrl+B). */
  async togglePart(part: "panel" | "sidebar", visible: boolean): Promise<void> {
    const locator = this.page.locator(`.monaco-workbench .part.${part}`);
    if ((await locator.isVisible()) === visible) return;
    await this.page.keyboard.press(part === "panel" ? "Control+J" : "Control+B");
    await (visible ? locator.waitFor({ state: "visible" }) : locator.waitFor({ state: "hidden" }));
  }

  /** "Show or Focus Hover" at the cursor. */
  async showHover(): Promise<void> {
    await this.page.keyboard.press("Control+K");
    await this.page.keyboard.press("Control+I");
  }

  /** Opens the Quick Fix menu at the cursor and returns its entries. */
  async quickFixes(): Promise<string[]> {
    await this.page.keyboard.press("Control+.");
    const rows = this.page.locator(".action-widget .monaco-list-row.action");
    await rows.first().waitFor({ timeout: 15_000 });
    return rows.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label") ?? ""));
  }

  /** Picks an entry of the open Quick Fix menu with the keyboard, as a user would. */
  async chooseQuickFix(title: string): Promise<void> {
    const focused = this.page.locator(".action-widget .monaco-list-row.action.focused");
    for (let i = 0; i < 20 && (await focused.getAttribute("aria-label")) !== title; i++) {
      await this.page.keyboard.press("ArrowDown");
    }
    if ((await focused.getAttribute("aria-label")) !== title) throw new Error(`no quick fix "${title}"`);
    await this.page.keyboard.press("Enter");
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
    const input = this.page.locator(".quick-input-widget input");
    for (let attempt = 1; attempt <= 3; attempt++) {
      await this.page.keyboard.press("F1");
      try {
        await input.waitFor({ timeout: 5_000 });
        await input.fill(`>${title}`);
        await this.page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first().waitFor({ timeout: 10_000 });
        await this.page.keyboard.press("Enter");
        return;
      } catch (error) {
        if (attempt === 3) throw new Error(`could not run "${title}" from the command palette: ${(error as Error).message}`);
        await this.page.keyboard.press("Escape");
      }
    }
  }


  /**
   * Opens the Problems panel and returns the entries of one file. The panel's own filter narrows
   * it to that file first: the list only renders the rows that fit on screen.
   */
  async problems(file: string): Promise<Problem[]> {
    if (!(await this.page.locator(".markers-panel").isVisible())) await this.page.keyboard.press("Control+Shift+M");
    await this.page.locator(".markers-panel").waitFor();
    const filter = this.page.locator(".part.panel .viewpane-filter input").first();
    if ((await filter.inputValue()) !== file) {
      await filter.fill(file);
      await this.page.waitForTimeout(300);
    }
    const rows = this.page.locator(".markers-panel .monaco-list-row");
    const raw = await rows.evaluateAll((nodes) =>
      nodes.map((n) => ({ aria: n.getAttribute("aria-label") ?? "", parts: (n as HTMLElement).innerText.split("\n").map((p) => p.trim()) })),
    );
    const problems: Problem[] = [];
    let current = "";
    for (const { aria, parts } of raw) {
      const header = /problems? in file (.+) of folder/.exec(aria);
      if (header) {
        current = header[1]!;
        continue;
      }
      // An entry shows: message, source, code (if any), "[Ln 2, Col 12]". Related-information rows (the
      // "why" of a cross-field rule) have no severity in their label and are skipped.
      const severity = /^(Error|Warning|Info): /.exec(aria)?.[1]?.toLowerCase();
      const position = /^\[Ln (\d+), Col (\d+)\]$/.exec(parts[parts.length - 1] ?? "");
      if (!severity || !position || parts.length < 3) continue;
      const hasCode = parts.length >= 4;
      problems.push({
        file: current,
        severity,
        message: parts.slice(0, hasCode ? -3 : -2).join("\n"),
        source: parts[parts.length - (hasCode ? 3 : 2)]!,
        code: hasCode ? parts[parts.length - 2]! : "",
        line: Number(position[1]),
        column: Number(position[2]),
      });
    }
    return problems.filter((p) => p.file === file || p.file.endsWith(`/${file}`));
  }

  /** The error and warning counts of the status bar, which update as soon as diagnostics change. */
  async statusCounts(): Promise<{ errors: number; warnings: number }> {
    // "Errors: 2, Warnings: 1"
    const label = (await this.page.locator("#status\\.problems").getAttribute("aria-label")) ?? "";
    const errors = Number(/Errors: (\d+)/.exec(label)?.[1] ?? NaN);
    const warnings = Number(/Warnings: (\d+)/.exec(label)?.[1] ?? NaN);
    return { errors, warnings };
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
