// The Milestone Form (a webview in a custom text editor) as a UI test sees it: its frame, the
// editor tab's dirty marker, and the document text read back by saving (Ctrl+S) and reading the file.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { waitForFileText } from './waitForFile';

export class FormEditor {
  constructor(private readonly page: Page) {}

  /** The form's page: the visible webview's inner frame (hidden forms drop their page). */
  get frame(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready:visible').frameLocator('iframe#active-frame');
  }

  /** Waits until the form shows a milestone (the host posted a state and the webview rendered it). */
  async waitForForm(): Promise<void> {
    await this.frame.locator('section[data-milestone]').first().waitFor();
  }

  /** The row of the step whose text is `text`. */
  step(text: string): Locator {
    return this.frame.locator(`[data-step-text="${cssString(text)}"]`);
  }

  /** The row of the health area `area`. */
  health(area: string): Locator {
    return this.frame.locator(`[data-health-area="${cssString(area)}"]`);
  }

  /** Picks `label` (an option's visible text) in the vscode-single-select `select`. */
  async choose(select: Locator, label: string): Promise<void> {
    await select.locator('.select-face').click();
    await select.locator('li[role="option"]', { hasText: label }).click();
  }

  /** Types `text` into the vscode-textfield `field` (replacing its value) and commits it with Enter. */
  async fillAndCommit(field: Locator, text: string): Promise<void> {
    const input = field.locator('input');
    await input.fill(text);
    await input.press('Enter');
  }

  /** The active editor tab. */
  get activeTab(): Locator {
    return this.page.locator('.editor-group-container.active .tabs-container .tab.active');
  }

  /** Waits for the active tab's dirty marker: the edit reached the document, unsaved. */
  async waitForDirty(): Promise<void> {
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active.dirty').waitFor();
  }

  /**
   * Saves the document (Ctrl+S where the focus is) and waits until the file holds `expected`: the
   * text of the document itself, as VS Code writes it.
   */
  async saveAndExpect(file: string, expected: string): Promise<string> {
    await this.waitForDirty();
    await this.page.keyboard.press('Control+S');
    const text = await waitForFileText(file, expected);
    await this.page.locator('.editor-group-container.active .tabs-container .tab.active:not(.dirty)').waitFor();
    return text;
  }

  /** Focuses the form outside any text field (so the workbench gets the key) and presses `key`. */
  async pressInForm(key: string): Promise<void> {
    await this.frame.locator('h1, h2, h3').first().click();
    await this.page.keyboard.press(key);
  }
}

/** `text` for a CSS attribute selector in double quotes. */
function cssString(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
