// The Milestones activity-bar container and its tree, as a UI test sees them.
import type { Locator, Page } from 'playwright-core';

/** Element id VS Code gives the container `milestones` declared in package.json's viewsContainers. */
const containerId = 'workbench.view.extension.milestones';

export class MilestonesView {
  constructor(private readonly page: Page) {}

  /** The container's icon in the activity bar (present as soon as the manifest is read). */
  get activityBarItem(): Locator {
    return this.page.locator('.activitybar .action-item a.action-label[aria-label^="Milestones"]');
  }

  /** The tree of the view `milestones.tree`. */
  get tree(): Locator {
    // The container holds two views: Milestones (first) and Next.
    return this.page.locator(`[id="${containerId}"] .customview-tree`).first();
  }

  /** The tree of the view `milestones.next`. */
  get nextTree(): Locator {
    return this.page.locator(`[id="${containerId}"] .customview-tree`).nth(1);
  }

  /** Opens the container in the side bar (unless it is open) and waits for the tree to show. */
  async open(): Promise<void> {
    const active = await this.page.locator('.part.sidebar').getAttribute('data-active-composite').catch(() => null);
    if (active !== containerId) await this.activityBarItem.click();
    await this.tree.waitFor();
  }

  /** All rendered rows (the tree is virtualised: only rows in view exist). */
  get rows(): Locator {
    return this.tree.locator('.monaco-list-row');
  }

  /**
   * The row whose label contains `label` (a string, case-insensitive) or matches it (a RegExp).
   * The row's aria-label is the item's tooltip, so rows are found by their visible label.
   */
  row(label: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.locator('.label-name', { hasText: label }) }).first();
  }

  /** Waits for the row to show and returns its description (e.g. `2/5 · active`), '' if none. */
  async description(row: Locator): Promise<string> {
    await row.waitFor();
    const description = row.locator('.label-description');
    return (await description.count()) ? ((await description.textContent()) ?? '').trim() : '';
  }

  /** The row's checkbox (`role="checkbox"`, `aria-checked`), for steps. */
  checkbox(row: Locator): Locator {
    return row.locator('.custom-view-tree-node-item-checkbox');
  }

  async isChecked(row: Locator): Promise<boolean> {
    return (await this.checkbox(row).getAttribute('aria-checked')) === 'true';
  }

  /**
   * Clicks the row's checkbox. The checkbox flips in the UI at once; to see the extension's effect,
   * wait on the file (`waitForFileText`) or on the row's new description (`waitForDescription`), or
   * pass that wait as `until`. A click that lands while the tree repaints its rows (each index update
   * does) is lost, for a person too, who then sees the box unchanged (or flip back, and a status-bar
   * message saying so) and clicks again: so does this, up to three times in all (with `until`, it
   * clicks again when the box flips back before `until` is met).
   */
  async clickCheckbox(row: Locator, until?: () => Promise<unknown>): Promise<void> {
    const box = this.checkbox(row);
    const before = `${await this.isChecked(row)}`;
    const flipped = `${before !== 'true'}`;
    const shows = (state: string, timeout?: number) => row.locator(`.custom-view-tree-node-item-checkbox[aria-checked="${state}"]`).waitFor({ timeout });
    for (let attempt = 1; ; attempt++) {
      await box.click();
      const seen = await shows(flipped, 2000).then(() => true, () => false);
      if (!seen) {
        if (attempt === 3) throw new Error('the checkbox did not flip after three clicks');
        continue;
      }
      if (!until) return;
      const outcome = await Promise.race([until().then(() => 'done' as const), shows(before).then(() => 'lost' as const, () => 'lost' as const)]);
      if (outcome === 'done') return;
      if (attempt === 3) throw new Error('the click was lost three times (the box flipped back each time)');
    }
  }

  /** Waits until the row's description is `text` (exactly) or matches it (a RegExp). */
  async waitForDescription(row: Locator, text: string | RegExp): Promise<void> {
    const pattern = typeof text === 'string' ? new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) : text;
    await row.locator('.label-description', { hasText: pattern }).waitFor();
  }

  /** Waits until the row's checkbox shows `checked`. */
  async waitForChecked(row: Locator, checked: boolean): Promise<void> {
    await row.locator(`.custom-view-tree-node-item-checkbox[aria-checked="${checked}"]`).waitFor();
  }

  /**
   * Expands a collapsed row (no-op when it is expanded or a leaf); with `child`, waits for that row
   * to show. A click on the twistie that lands while the tree repaints its rows (each index update
   * does) is lost, and a row opened during a repaint can stay empty (VS Code drops the answer to a
   * request for the rows of a parent it has just forgotten) or close again (seen at 10,000 files,
   * cause inside VS Code not found): a person clicks again, or folds the row and opens it again,
   * and so does this, up to four times. `waitMs` bounds each wait for the
   * row to open and the child to show (a group of thousands of rows takes a while).
   */
  async expand(row: Locator, child?: Locator, waitMs = 5000): Promise<void> {
    const twistie = row.locator('.monaco-tl-twistie');
    const closed = row.and(this.page.locator('[aria-expanded="false"]'));
    const open = row.and(this.page.locator(':not([aria-expanded="false"])'));
    for (let attempt = 1; ; attempt++) {
      if (await closed.count()) await twistie.click();
      // Open with the child shown; or closed again (VS Code closes a group opened while it repaints).
      const outcome = await Promise.race([
        open.waitFor({ timeout: waitMs }).then(() => (child ? child.waitFor({ timeout: waitMs }) : undefined)).then(() => 'shown' as const),
        open.waitFor({ timeout: waitMs }).then(() => closed.waitFor({ timeout: waitMs })).then(() => 'closed' as const),
      ].map((p) => p.catch(() => 'late' as const)));
      if (outcome === 'shown') return;
      if (attempt === 4) throw new Error(`the row did not open with its child after four tries (last: ${outcome})`);
      if (outcome === 'late' && !(await closed.count())) {
        await twistie.click();
        await closed.waitFor();
      }
    }
  }

  /** The labels of the rendered rows, top to bottom. */
  async labels(): Promise<string[]> {
    return (await this.rows.locator('.label-name').allTextContents()).map((text) => text.trim());
  }

  /**
   * Right-clicks the row and picks `item` from its context menu. The tree may repaint under the
   * pointer (a new row, validation marks), so the right-click is checked to have focused this row
   * (the menu acts on the row it focused) and is made again when it landed elsewhere. The menu acts
   * on a click only once the item has the pointer (it ignores a click as it opens), so the item is
   * hovered first.
   */
  async contextMenu(row: Locator, item: string): Promise<void> {
    await this.openContextMenu(row);
    const action = this.page.locator('.context-view .action-item', { hasText: item });
    await action.hover();
    await this.page.locator('.context-view .action-item.focused', { hasText: item }).waitFor();
    await action.click();
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'detached' });
  }

  /** The labels of the row's context menu, top to bottom (the menu is closed again). */
  async contextMenuItems(row: Locator): Promise<string[]> {
    await this.openContextMenu(row);
    const labels = this.page.locator('.context-view .action-item .action-label');
    await labels.first().waitFor();
    const items = (await labels.allTextContents()).map((text) => text.trim()).filter((text) => text !== '');
    await this.page.keyboard.press('Escape');
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'detached' });
    return items;
  }

  /** Right-clicks the row until the click has focused it (see `contextMenu`). */
  private async openContextMenu(row: Locator): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await row.click({ button: 'right' });
      const landed = await row.and(this.page.locator('.focused')).waitFor({ timeout: 2000 }).then(() => true, () => false);
      if (landed) return;
      await this.page.keyboard.press('Escape');
      if (attempt === 3) throw new Error(`the right-click did not focus the row ${await row.textContent()}`);
    }
  }

  /** The row that has the keyboard focus. */
  get focusedRow(): Locator {
    return this.tree.locator('.monaco-list-row.focused');
  }

  /**
   * Presses `key` (ArrowDown by default) until the focused row's label matches `label`, waiting after
   * each press for the focus to move; fails after `max` presses.
   */
  async arrowTo(label: RegExp, key = 'ArrowDown', max = 40): Promise<Locator> {
    const list = this.tree.locator('.monaco-list').first();
    for (let i = 0; i <= max; i++) {
      const name = (await this.focusedRow.locator('.label-name').textContent())?.trim() ?? '';
      if (label.test(name)) return this.focusedRow;
      const before = await list.getAttribute('aria-activedescendant');
      await this.page.keyboard.press(key);
      await this.tree.locator(before ? `.monaco-list:not([aria-activedescendant="${before}"])` : '.monaco-list[aria-activedescendant]').first().waitFor();
    }
    throw new Error(`no row matching ${label} within ${max} presses of ${key}`);
  }

  /** Expands or folds the Next view (folded by default) by its header. */
  async showNext(expanded: boolean): Promise<void> {
    const header = this.page.locator(`[id="${containerId}"] .pane-header`, { hasText: /^Next/ });
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
    await this.page.locator(`[id="${containerId}"] .pane-header[aria-expanded="${expanded}"]`, { hasText: /^Next/ }).waitFor();
  }

  /** Clicks one of the view's title actions (they show while the pointer is over the side bar). */
  /**
   * Clicks Collapse All until no top row is open. A group whose rows are still being fetched when
   * the click lands opens once they arrive (VS Code had nothing to close yet), as a person would see
   * it do: they click again, and so does this, up to three times.
   */
  async collapseAll(): Promise<void> {
    const open = this.rows.and(this.page.locator('[aria-level="1"][aria-expanded="true"]'));
    for (let attempt = 1; ; attempt++) {
      await this.titleAction('Collapse All');
      const closed = await open.first().waitFor({ state: 'detached', timeout: 5000 }).then(() => true, () => false);
      if (closed) return;
      if (attempt === 3) throw new Error(`a top row stayed open after Collapse All three times: ${await open.first().textContent()}`);
    }
  }

  async titleAction(label: string): Promise<void> {
    // A hover left by an earlier click (a checkbox's "Mark not done") would take the pointer: move
    // away until it is gone, then point at the Milestones view's header, where its actions show.
    await this.page.mouse.move(1, 1);
    await this.page.locator('.context-view .hover-contents').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    await this.page.locator(`[id="${containerId}"] .pane-header`, { hasText: /^Milestones/ }).hover();
    await this.page.locator(`.part.sidebar .action-label[aria-label="${label}"]:visible`).first().click();
  }
}
