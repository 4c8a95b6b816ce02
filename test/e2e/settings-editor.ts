// Changing a user setting the way a person does: the Settings editor, searched by the setting's id.
import type { Locator, Page } from '../host/playwright-types';
import { workbenchCommand } from './panel-workbench';

async function findSetting(page: Page, id: string, control: string): Promise<Locator> {
  await workbenchCommand(page, 'Preferences: Open User Settings');
  await page.locator('.settings-editor .suggest-input-container').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.keyboard.type(id);
  const found = page.locator(`.settings-editor .setting-item-contents[data-key="${id}"] ${control}`).first();
  await found.waitFor({ state: 'visible', timeout: 15_000 });
  return found;
}

/** Sets an enum setting (its dropdown), then closes the editor. */
export async function setEnumSetting(page: Page, id: string, value: string): Promise<void> {
  const select = await findSetting(page, id, 'select');
  await select.selectOption(value);
  await workbenchCommand(page, 'View: Close Editor');
}

/** Types a string setting's new value, then closes the editor (which saves what was typed). */
export async function setTextSetting(page: Page, id: string, value: string): Promise<void> {
  const input = await findSetting(page, id, '.setting-item-control input');
  await input.fill(value);
  await input.press('Tab');
  await workbenchCommand(page, 'View: Close Editor');
}

/** The Settings editor showing the setting with this id (as a click on a "review the setting" item opens it). */
export function shownSetting(page: Page, id: string): Locator {
  return page.locator(`.settings-editor .setting-item-contents[data-key="${id}"]`).first();
}
