import type { Page } from 'playwright-core';

/** VS Code's quick input (quick pick and input box) as a person uses it: type, wait for the row, Enter. */
export class QuickInput {
  constructor(private readonly page: Page) {}

  private get input() {
    return this.page.locator('.quick-input-widget input[type="text"]');
  }

  /** Waits for a quick pick to offer `label`, narrows to it by typing, and picks it with Enter. */
  async pick(label: string): Promise<void> {
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.input.fill(label);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor();
    await this.input.press('Enter');
  }

  /** Waits for an input box whose prompt contains `prompt`, types `text` and presses Enter. */
  async type(prompt: string, text: string): Promise<void> {
    await this.page.locator('.quick-input-widget .quick-input-message', { hasText: prompt }).first().waitFor();
    await this.input.fill(text);
    await this.input.press('Enter');
  }
}
