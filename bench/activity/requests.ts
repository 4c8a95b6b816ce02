// Figure 8 (issue 14), vendor requests: a product's "Requests per day" opened for 90 days (and longer
// ranges, against ⌈days/1000⌉), and a key's "Recent events" first page and each older page. Asked
// through the panel's own host handler (answerRequest) over Keyscope's UsageService and clients, as a
// panel asks; counted at the emulator, with a fresh cache for every daily range.
import '../vscode/register';
import { answerRequest, type PanelContext } from '../../src/panel/handler';
import type { PanelScope } from '../../src/panel/protocol-data';
import type { DailyParams } from '../../src/panel/protocol-activity';
import type { Result } from '../../src/panel/protocol';
import type { Emulator } from '../../test/emulator/server';
import { atMost, exactly, figure, type Figure } from '../lib/figure';
import { createKeyscope } from '../lib/keyscope';
import { benchPanelContext } from '../lib/panel-context';

const SECTION = '8 activity';
const DAY = 86_400_000;
const OLDER_PAGES = 3;

let ids = 0;
function ask<M extends 'cryptolens.daily' | 'cryptolens.events'>(panel: PanelContext, method: M, params: unknown): Promise<Result<M>> {
  return answerRequest(panel, { kind: 'request', id: ++ids, method, params } as never) as Promise<Result<M>>;
}

/** "yyyy-MM-dd" of the UTC day `days` before today. */
function dayBefore(days: number): string {
  return new Date(Date.now() - days * DAY).toISOString().slice(0, 10);
}

export async function activityRequestFigures(emulator: Emulator): Promise<Figure[]> {
  const figures: Figure[] = [];
  const productId = Math.min(...emulator.cryptolens.data.summaries.map((summary) => summary.productId));
  const dailyPath = 'GetDailyAggregates';
  const ranges: ReadonlyArray<readonly [string, DailyParams, number]> = [
    ['last 90 days (the preset)', { preset: 'last90' }, 90],
    ['a year (365 days, custom)', { preset: 'custom', start: dayBefore(364), end: dayBefore(0) }, 365],
    ['1,000 days (custom)', { preset: 'custom', start: dayBefore(999), end: dayBefore(0) }, 1_000],
    ['1,001 days (custom)', { preset: 'custom', start: dayBefore(1_000), end: dayBefore(0) }, 1_001],
  ];
  for (const [label, params, days] of ranges) {
    const keyscope = await createKeyscope(emulator.config);
    try {
      emulator.requests.clear();
      const result = await ask(benchPanelContext(keyscope, { vendor: 'cryptolens', productId }), 'cryptolens.daily', params);
      if (result.points.length !== days) throw new Error(`${label}: ${result.points.length} days shown`);
      const budget = Math.ceil(days / 1_000);
      figures.push(
        figure({
          section: SECTION,
          name: `Requests per day, one product, ${label}: vendor requests`,
          value: emulator.requests.count({ vendor: 'cryptolens' }),
          unit: 'req',
          budget: atMost(budget, `req (⌈${days.toLocaleString('en-US')}/1,000⌉)`),
          note: `cold cache; ai/GetDailyAggregates ${emulator.requests.count({ vendor: 'cryptolens', path: dailyPath })}, 1,000 rows a page (one row per product per day); ${result.points.filter((point) => point.total > 0).length} days with requests`,
        }),
      );
    } finally {
      await keyscope.close();
    }
  }

  // A key with at least four pages of events; the key panel's own key view has read the account scan.
  const summary = [...emulator.cryptolens.data.summaries].filter((candidate) => candidate.key !== '').sort((a, b) => b.totalRequests - a.totalRequests)[0];
  if (!summary || summary.totalRequests < 100 * (OLDER_PAGES + 1)) throw new Error('no key with enough events');
  const keyscope = await createKeyscope(emulator.config);
  try {
    const scope: PanelScope = { vendor: 'cryptolens', productId: summary.productId, keyId: summary.keyId };
    const panel = benchPanelContext(keyscope, scope);
    await answerRequest(panel, { kind: 'request', id: ++ids, method: 'cryptolens.key', params: {} });
    emulator.requests.clear();
    const first = await ask(panel, 'cryptolens.events', {});
    const firstRequests = emulator.requests.count({ vendor: 'cryptolens' });
    figures.push(
      figure({
        section: SECTION,
        name: 'Recent events of a key, first page (100 events): vendor requests',
        value: firstRequests,
        unit: 'req',
        budget: exactly(1),
        note: `ai/GetWebAPILog ${emulator.requests.count({ vendor: 'cryptolens', path: 'GetWebAPILog' })}; the key string comes from the account scan the key view already read (cached); key with ${summary.totalRequests.toLocaleString('en-US')} events, ${first.events.length} shown`,
      }),
    );
    const older: number[] = [];
    let cursor = first.nextCursor;
    for (let page = 0; page < OLDER_PAGES && cursor !== undefined; page++) {
      emulator.requests.clear();
      const next = await ask(panel, 'cryptolens.events', { before: cursor });
      older.push(emulator.requests.count({ vendor: 'cryptolens' }));
      cursor = next.nextCursor;
    }
    if (older.length < OLDER_PAGES) throw new Error(`only ${older.length} older pages`);
    figures.push(
      figure({
        section: SECTION,
        name: `Recent events of a key, each older page ("Older events", ${OLDER_PAGES} pages): vendor requests`,
        value: Math.max(...older),
        unit: 'req',
        budget: exactly(1),
        note: `the most any older page cost; per page ${older.join(', ')} (ai/GetWebAPILog with EndingBefore)`,
        samples: older,
      }),
    );
  } finally {
    await keyscope.close();
  }
  return figures;
}
