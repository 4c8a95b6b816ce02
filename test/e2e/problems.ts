// The Problems panel as a person reads it: its rows, found by the text on them.
import type { Locator, Page } from '../host/playwright-types';
import { runCommand } from './quick-input';

/** Opens the Problems panel. */
export async function showProblems(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
}

/** The first Problems row that holds every one of `texts`. */
export function problemRow(page: Page, ...texts: string[]): Locator {
  return texts.reduce((rows, text) => rows.filter({ hasText: text }), page.locator('.markers-panel .monaco-list-row')).first();
}
