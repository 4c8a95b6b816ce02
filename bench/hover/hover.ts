// Figure 4: hover economy (issues 13 and 16). Keyscope's real hover provider (KeyHoverProvider →
// KeyIndex → UsageService → vendor clients) over documents of key ids, against the emulator: vendor
// requests (counted at the emulator: real HTTP, real clients) and latency per hover, cold (fresh
// cache) and warm, and one id hovered 100 times. Health is part of every hover: requests are also
// split into usage (what the hover's counts need) and health (key listings and licenses).
// VS Code itself is the in-process stub: what is measured is everything Keyscope does for a hover.
import '../vscode/register';
import type { Emulator } from '../../test/emulator/server';
import { startEmulator } from '../../test/emulator/server';
import { HOVER_FEW_LICENSES } from '../../src/usage/cryptolens-usage';
import { atMost, exactly, figure, type Budget, type Figure } from '../lib/figure';
import { MINIMAL_SCALE } from '../lib/scales';
import { median } from '../lib/stats';
import { latencyFigures, runScenario, type Pass, type Scenario } from './passes';
import { treeHealthFigures } from './tree-health';

const DISTINCT = 200;
const SMALL_API_KEYS = 300;
const SMALL_API_IDS = 50;
const RUNS = 3;
export const SECTION = '4 hover';

/** Requests of a pass whose path matches one of `paths`. */
function counted(pass: Pass, paths: readonly string[]): number {
  return Object.entries(pass.byPath).reduce((sum, [path, count]) => (paths.some((part) => path.includes(part)) ? sum + count : sum), 0);
}

interface Measure {
  name: string;
  passes: Pass[];
  /** Which requests count: all when absent. */
  paths?: readonly string[];
  budget?: Budget;
  note?: string;
}

function requestFigure({ name, passes, paths, budget, note }: Measure): Figure {
  const values = passes.map((pass) => (paths ? counted(pass, paths) : pass.requests));
  const shown = median(passes.map((pass) => pass.shown));
  const hovers = passes[0]?.latenciesMs.length ?? 0;
  const byPath = Object.entries(passes[0]?.byPath ?? {})
    .map(([path, count]) => `${path} ×${count}`)
    .join(', ');
  return figure({
    section: SECTION,
    name,
    value: median(values),
    unit: 'req',
    ...(budget ? { budget } : {}),
    note: [note, byPath ? `requests: ${byPath}` : 'no requests', `${shown} of ${hovers} hovers showed usage`, `median of ${passes.length} runs, each with a fresh UsageService`]
      .filter(Boolean)
      .join('; '),
    samples: values,
  });
}

const USAGE_UNKEY = ['analytics.getVerifications'];
const USAGE_CRYPTOLENS = ['GetKeyUsageSummaries', 'GetKeyDevices'];
const HEALTH_CRYPTOLENS = ['key/GetKey', 'product/GetKeys'];

async function runs(emulator: Emulator, ids: readonly string[], sameIdHovers = true): Promise<Scenario[]> {
  const all: Scenario[] = [];
  for (let run = 0; run < RUNS; run++) {
    emulator.unkey.resetQuota();
    all.push(await runScenario(emulator, ids, sameIdHovers));
  }
  return all;
}

function unkeyIds(emulator: Emulator, apiId: string | undefined, every: number, count: number): string[] {
  const api = emulator.unkey.workspace.apis.find((candidate) => candidate.id === apiId);
  // Spread over the API, busy keys and quiet ones alike.
  return (api?.keys ?? []).filter((_, index) => index % every === 0).slice(0, count).map((key) => key.id);
}

async function unkeyFigures(emulator: Emulator): Promise<Figure[]> {
  const apiId = emulator.config.unkey.apiIds[0];
  const api = emulator.unkey.workspace.apis.find((candidate) => candidate.id === apiId);
  const keys = api?.keys.length ?? 0;
  const ids = unkeyIds(emulator, apiId, 10, DISTINCT);
  if (ids.length < DISTINCT) throw new Error(`Unkey: only ${ids.length} distinct ids to hover`);
  const scenarios = await runs(emulator, ids);
  const vendor = `Unkey v2 (${emulator.config.unkey.apiIds.length} APIs configured)`;
  const cold = scenarios.map((run) => run.cold);
  const warm = scenarios.map((run) => run.warm);
  const sameId = scenarios.map((run) => run.sameId).filter((pass): pass is Pass => pass !== undefined);
  return [
    requestFigure({ name: `${vendor}, one id 100 times: usage queries`, passes: sameId, paths: USAGE_UNKEY, budget: exactly(1, '= 1') }),
    requestFigure({ name: `${vendor}, one id 100 times: all requests (usage + health)`, passes: sameId, budget: atMost(2, 'req'), note: 'health: keys.getKey' }),
    requestFigure({ name: `${vendor}, ${DISTINCT} distinct ids, cold: usage queries`, passes: cold, paths: USAGE_UNKEY, budget: exactly(1, '= 1') }),
    requestFigure({
      name: `${vendor}, ${DISTINCT} distinct ids of a ${keys.toLocaleString('en-US')}-key API, cold: all requests (usage + health)`,
      passes: cold,
      budget: atMost(25, 'req'),
      note: `health: keys.getKey for the first id, then the API's key list (⌈${keys}/100⌉ pages)`,
    }),
    requestFigure({ name: `${vendor}, ${DISTINCT} distinct ids, warm: all requests`, passes: warm, budget: exactly(0, '= 0') }),
    ...latencyFigures(SECTION, `${vendor}, ${DISTINCT} distinct ids, cold`, cold),
    ...latencyFigures(SECTION, `${vendor}, ${DISTINCT} distinct ids, warm`, warm),
    ...latencyFigures(SECTION, `${vendor}, one id 100 times`, sameId),
  ];
}

/** An emulator whose first API has 300 keys: 50 of its ids, cold. */
async function smallApiFigures(): Promise<Figure[]> {
  const emulator = await startEmulator({ scale: { ...MINIMAL_SCALE, unkeyApis: 1, unkeyKeys: SMALL_API_KEYS, unkeyDays: 31 } });
  try {
    const apiId = emulator.config.unkey.apiIds[0];
    const ids = unkeyIds(emulator, apiId, Math.floor(SMALL_API_KEYS / SMALL_API_IDS), SMALL_API_IDS);
    if (ids.length < SMALL_API_IDS) throw new Error(`Unkey: only ${ids.length} ids in the ${SMALL_API_KEYS}-key API`);
    const scenarios = await runs(emulator, ids, false);
    const vendor = `Unkey v2 (${emulator.config.unkey.apiIds.length} APIs configured)`;
    return [
      requestFigure({
        name: `${vendor}, ${SMALL_API_IDS} distinct ids of a ${SMALL_API_KEYS}-key API, cold: all requests (usage + health)`,
        passes: scenarios.map((run) => run.cold),
        budget: atMost(5, 'req'),
      }),
      requestFigure({ name: `${vendor}, ${SMALL_API_IDS} distinct ids of a ${SMALL_API_KEYS}-key API, warm: all requests`, passes: scenarios.map((run) => run.warm), budget: exactly(0, '= 0') }),
    ];
  } finally {
    await emulator.close();
  }
}

function cryptolensKeys(emulator: Emulator): string[] {
  const keys = emulator.cryptolens.data.summaries.map((summary) => summary.key).filter((key) => key !== '');
  const step = Math.max(1, Math.floor(keys.length / DISTINCT));
  return [...new Set(keys.filter((_, index) => index % step === 0))].slice(0, DISTINCT);
}

/** Health's ceiling for hovering keys of these products: 4 keys alone each, then its key list (⌈N/99⌉). */
function cryptolensHealthBudget(emulator: Emulator, keys: readonly string[]): { limit: number; text: string } {
  const { data } = emulator.cryptolens;
  const products = new Set(data.summaries.filter((summary) => keys.includes(summary.key)).map((summary) => summary.productId));
  const pages = [...products].map((productId) => Math.ceil(data.keys.filter((key) => key.productId === productId && !key.deleted).length / 99));
  const few = HOVER_FEW_LICENSES;
  return { limit: pages.reduce((sum, count) => sum + few + count, 0), text: `Σ (${few} + ⌈N/99⌉) over ${products.size} products = ${pages.map((count) => `${few} + ${count}`).join(' + ')}` };
}

async function cryptolensFigures(emulator: Emulator): Promise<Figure[]> {
  const keys = cryptolensKeys(emulator);
  if (keys.length < DISTINCT) throw new Error(`Cryptolens: only ${keys.length} distinct keys to hover`);
  const scenarios = await runs(emulator, keys);
  const cold = scenarios.map((run) => run.cold);
  const warm = scenarios.map((run) => run.warm);
  const sameId = scenarios.map((run) => run.sameId).filter((pass): pass is Pass => pass !== undefined);
  const health = cryptolensHealthBudget(emulator, keys);
  const summaries = emulator.cryptolens.data.summaries.length;
  const scanNote = `the account's summary scan is ⌈${summaries}/1000⌉ pages`;
  return [
    requestFigure({ name: `Cryptolens, ${DISTINCT} distinct ids, cold: usage requests (summaries + devices)`, passes: cold, paths: USAGE_CRYPTOLENS, budget: atMost(30, 'req'), note: scanNote }),
    requestFigure({
      name: `Cryptolens, ${DISTINCT} distinct ids, cold: health requests (key/GetKey + product/GetKeys)`,
      passes: cold,
      paths: HEALTH_CRYPTOLENS,
      budget: atMost(health.limit, 'req'),
      note: `budget ${health.text}`,
    }),
    requestFigure({ name: `Cryptolens, ${DISTINCT} distinct ids, cold: all requests`, passes: cold }),
    requestFigure({ name: `Cryptolens, ${DISTINCT} distinct ids, warm: all requests`, passes: warm, budget: exactly(0, '= 0') }),
    requestFigure({ name: 'Cryptolens, one id 100 times: usage requests (summaries + devices)', passes: sameId, paths: USAGE_CRYPTOLENS, budget: atMost(6, 'req'), note: scanNote }),
    requestFigure({ name: 'Cryptolens, one id 100 times: health requests (key/GetKey)', passes: sameId, paths: HEALTH_CRYPTOLENS, budget: exactly(1, '= 1') }),
    requestFigure({ name: 'Cryptolens, one id 100 times: all requests', passes: sameId }),
    ...latencyFigures(SECTION, `Cryptolens, ${DISTINCT} distinct ids, cold`, cold),
    ...latencyFigures(SECTION, `Cryptolens, ${DISTINCT} distinct ids, warm`, warm),
    ...latencyFigures(SECTION, 'Cryptolens, one id 100 times', sameId),
  ];
}

export async function hoverFigures(emulator: Emulator): Promise<Figure[]> {
  return [...(await unkeyFigures(emulator)), ...(await smallApiFigures()), ...(await cryptolensFigures(emulator)), ...(await treeHealthFigures(emulator))];
}
