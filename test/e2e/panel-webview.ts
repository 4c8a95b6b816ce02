// Reading the Analytics panel the way a person sees it: inside the webview's nested frames, its
// tiles, tables and canvases; and opening it from the Keys view's inline action.
import type { Frame, Locator, Page } from '../host/playwright-types';
import { waitFor } from '../host/timeout';

/** The Keys view row whose label contains `label`. */
export function treeRow(page: Page, label: string): Locator {
  return page.locator('.sidebar .monaco-list .monaco-list-row', { hasText: label }).first();
}

/** Hovers a Keys view row and clicks its inline "Open Analytics" action. */
export async function openFromTree(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  await row.hover();
  await row.locator('.action-label[aria-label="Open Analytics"]').click({ timeout: 10_000 });
}

/** Picks a panel by vendor ("runtype") or by its whole scope ("cryptolens/3349/124174"). */
export function panelOf(what: { vendor: string } | { scope: string }): string {
  return 'vendor' in what ? `[data-vendor="${what.vendor}"]` : `[data-scope="${what.scope}"]`;
}

/**
 * The frame of the panel `app` (see panelOf) once its `card` has left loading, and is visible (a
 * panel's tab is in front). Frames of hidden or replaced panels are skipped.
 */
export async function panelFrame(page: Page, app: string, card: string, timeout = 45_000): Promise<Frame> {
  const selector = `#app${app} [data-card="${card}"]:is([data-state="ready"], [data-state="empty"], [data-state="error"])`;
  return waitFor(
    `the panel ${app}, card ${card}`,
    async () => {
      for (const frame of page.frames()) {
        if (frame.isDetached()) continue;
        const visible = await frame
          .locator(selector)
          .first()
          .isVisible()
          .catch(() => false);
        if (visible) return frame;
      }
      return undefined;
    },
    timeout,
    250,
  );
}

export async function cardState(frame: Frame, card: string): Promise<string | null> {
  return frame.locator(`[data-card="${card}"]`).getAttribute('data-state');
}

/** Tile label → value text. */
export async function tiles(frame: Frame): Promise<Map<string, string>> {
  const pairs = await frame.locator('.tile').evaluateAll((nodes) =>
    nodes.map((node) => [node.querySelector('dt')?.textContent ?? '', node.querySelector('.tile-value')?.textContent ?? ''] as const),
  );
  return new Map(pairs);
}

/** Opens a card's table (when closed) and returns its header and rows as the cells' text. */
export async function cardTable(frame: Frame, card: string): Promise<{ header: string[]; rows: string[][] }> {
  const section = frame.locator(`[data-card="${card}"]`);
  const toggle = section.locator('.table-toggle');
  if ((await toggle.count()) > 0 && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  return gridText(section.locator('vscode-data-grid').first());
}

export async function gridText(grid: Locator): Promise<{ header: string[]; rows: string[][] }> {
  await grid.locator('vscode-data-grid-row').first().waitFor({ state: 'attached', timeout: 15_000 });
  const rows = await grid.locator('vscode-data-grid-row').evaluateAll((nodes) =>
    nodes.map((row) => ({
      header: row.getAttribute('row-type') === 'header',
      cells: [...row.querySelectorAll('vscode-data-grid-cell')].map((cell) => (cell.textContent ?? '').replace(/[▲▼]/g, '').trim()),
    })),
  );
  return { header: rows.find((row) => row.header)?.cells ?? [], rows: rows.filter((row) => !row.header).map((row) => row.cells) };
}

/** Pixels of a card's chart canvas that are not transparent: a drawn chart has thousands. */
export async function drawnPixels(frame: Frame, card: string): Promise<number> {
  return frame.locator(`[data-card="${card}"] canvas`).evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let index = 3; index < (data?.length ?? 0); index += 4) if ((data?.[index] ?? 0) > 0) drawn += 1;
    return drawn;
  });
}

/** The most used opaque colors of a chart ("r,g,b"): bar fills and label text, in theme colors. */
export async function chartColors(frame: Frame, card: string): Promise<string[]> {
  return frame.locator(`[data-card="${card}"] canvas`).evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    const counts = new Map<string, number>();
    for (let index = 0; index < data.length; index += 4) {
      if ((data[index + 3] ?? 0) < 255) continue;
      const color = `${data[index] ?? 0},${data[index + 1] ?? 0},${data[index + 2] ?? 0}`;
      counts.set(color, (counts.get(color) ?? 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([color]) => color);
  });
}

/** Picks `label` in the toolkit dropdown named `name` (a person's clicks). */
export async function choose(frame: Frame, name: string, label: string): Promise<void> {
  const dropdown = frame.locator(`vscode-dropdown[aria-label="${name}"]`);
  await dropdown.click();
  await dropdown.locator('vscode-option', { hasText: label }).first().click();
}

/** "2025-01-13 09:00", as the panel writes a UTC minute. */
export function minute(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** "1,234" → 1234; "—" → null. */
export function number(text: string): number | null {
  if (text === '—' || text === '') return null;
  return Number(text.replace(/[,%]/g, ''));
}

/** Scrolls the panel back to its top (e.g. before a screenshot). */
export async function scrollToTop(frame: Frame): Promise<void> {
  await frame.evaluate(() => window.scrollTo(0, 0));
}

/** Outcome → whether its legend swatch carries a fill pattern (not colour alone). */
export async function legendPatterns(frame: Frame): Promise<Map<string, boolean>> {
  const pairs = await frame.locator('.legend-item').evaluateAll((nodes) =>
    nodes.map((node) => [node.getAttribute('data-outcome') ?? '', getComputedStyle(node.querySelector('.swatch') ?? node).backgroundImage.startsWith('url(')] as const),
  );
  return new Map(pairs);
}

/** The `card`'s grid (the first in it) as text, once it holds at least `rows` rows. */
export async function cardGrid(frame: Frame, card: string, rows = 1, timeout = 30_000): Promise<{ header: string[]; rows: string[][] }> {
  return waitFor(
    `${rows} rows in the ${card} grid`,
    async () => {
      const grid = await gridText(frame.locator(`[data-card="${card}"] vscode-data-grid`).first()).catch(() => undefined);
      return grid && grid.rows.length >= rows ? grid : undefined;
    },
    timeout,
    250,
  );
}

/** The tooltips (title attributes) of one column of a card's grid, row by row. */
export async function columnTitles(frame: Frame, card: string, column: number): Promise<string[]> {
  return frame
    .locator(`[data-card="${card}"] vscode-data-grid`)
    .first()
    .locator('vscode-data-grid-row:not([row-type="header"])')
    .evaluateAll((rows, index) => rows.map((row) => row.querySelectorAll('vscode-data-grid-cell')[index]?.getAttribute('title') ?? ''), column);
}

/** Clicks the button labelled `label` in a card (e.g. "Older events", "All devices", "Next"). */
export async function clickCardButton(frame: Frame, card: string, label: string): Promise<void> {
  await frame.locator(`[data-card="${card}"] vscode-button`, { hasText: label }).first().click();
}

/** "Rows 1–100 of 200": a card's pager, or '' when its grid has one page. */
export async function pagerText(frame: Frame, card: string): Promise<string> {
  const pager = frame.locator(`[data-card="${card}"] .pager-position`);
  return (await pager.count()) > 0 ? ((await pager.first().textContent()) ?? '') : '';
}

/** Expands the Keys view rows labelled `labels`, one level after another. */
export async function expandTreeRows(page: Page, labels: readonly string[]): Promise<void> {
  for (const label of labels) {
    const row = treeRow(page, label);
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
}

/** The text the toolkit dropdown named `name` shows (its chosen option). */
export async function dropdownText(frame: Frame, name: string): Promise<string> {
  return (await frame.locator(`vscode-dropdown[aria-label="${name}"]`).textContent()) ?? '';
}

/** Collapses the Keys view row labelled `label` when it is expanded. */
export async function collapseTreeRow(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ state: 'visible', timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
}
