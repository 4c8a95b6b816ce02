// Rows of a tree view in the side bar, found by the text a person reads on them.
import type { Locator, Page } from '../host/playwright-types';

export function treeRow(view: Locator, text: string | RegExp): Locator {
  return view.locator('.monaco-list-row', { hasText: text }).first();
}

/** The side bar's title ("KEYSCOPE" when its container is shown). */
export function sideBarTitle(page: Page): Locator {
  return page.locator('.sidebar .composite.title h2');
}
