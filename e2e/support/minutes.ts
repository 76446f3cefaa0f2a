import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

function textWithoutCarets(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.minutes-caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** The minutes panel of the room screen, as one actor sees it. */
export class MinutesScreen {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Minutes', exact: true });
  }

  /** The editable (or read-only) document. */
  get editor(): Locator {
    return this.region.getByRole('textbox', { name: 'Minutes text' });
  }

  get toolbar(): Locator {
    return this.region.getByRole('toolbar', { name: 'Minutes formatting and writing aids' });
  }

  button(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** The label on another note-taker's caret, by their name. */
  caretOf(name: string): Locator {
    return this.editor.locator('.minutes-caret-label', { hasText: name });
  }

  /** Top-level paragraph holding `text`. */
  paragraph(text: string): Locator {
    return this.editor.locator('p', { hasText: text });
  }

  /** The document's text, without the other note-takers' caret labels drawn into it. */
  async text(): Promise<string> {
    return textWithoutCarets(this.editor);
  }

  /** The text of the paragraph holding `text`, without caret labels. */
  async paragraphText(text: string): Promise<string> {
    return textWithoutCarets(this.paragraph(text));
  }

  /** Waits until the panel is connected and, for writers, has nothing left to save. */
  async waitUntilSaved(): Promise<void> {
    await expect(this.region.getByText('All changes saved', { exact: true })).toBeVisible();
  }

  /** Opens the minutes panel from the room's control bar, unless it is open already. */
  async open(): Promise<void> {
    const toggle = this.page
      .getByRole('toolbar', { name: 'Meeting controls' })
      .getByRole('button', { name: 'Minutes', exact: true });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(this.region).toBeVisible();
  }

  /**
   * Opens the panel, then waits: the editor's chunk loads after the rest of the room, so the first
   * connection may take a while.
   */
  async waitUntilConnected(): Promise<void> {
    await this.open();
    await expect(this.region.getByRole('status').filter({ hasText: 'Connected' })).toBeVisible({
      timeout: 30_000,
    });
  }

  /** Puts the caret at the end of the paragraph holding `text`. */
  async placeCaretAfter(text: string): Promise<void> {
    await this.paragraph(text).click();
    await this.page.keyboard.press('End');
  }

  /** Starts a new paragraph at the end of the document and types `text` into it. */
  async appendParagraph(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(text);
  }
}
