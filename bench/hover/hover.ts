// Figure 4: hover economy. Keyscope's real hover provider (KeyHoverProvider → KeyIndex →
// UsageService → vendor clients) over a document of 200 distinct key ids, against the emulator:
// vendor requests and latency per hover, cold (fresh cache) and warm, and one id hovered 100 times.
// VS Code itself is the in-process stub: what is measured is everything Keyscope does for a hover.
import '../vscode/register';
import * as vscode from 'vscode';
import { KeyHoverProvider } from '../../src/hover/provider';
import { KeyIndex } from '../../src/usage/key-index';
import type { Emulator } from '../../test/emulator/server';
import { atMost, exactly, figure, type Figure } from '../lib/figure';
import { createKeyscope } from '../lib/keyscope';
import { median, quantile } from '../lib/stats';

const DISTINCT = 200;
const SAME_ID_HOVERS = 100;
const RUNS = 3;
const SECTION = '4 hover';

interface Pass {
  requests: number;
  /** Requests by vendor endpoint ("unkey /v2/analytics.getVerifications"). */
  byPath: Record<string, number>;
  latenciesMs: number[];
  /** Hovers that showed something (an id no vendor knows shows nothing). */
  shown: number;
}

/** A source file with one id per line, as a config or fixture file would hold them. */
function documentOf(ids: readonly string[]): { document: vscode.TextDocument; positions: vscode.Position[] } {
  const lines = ids.map((id, index) => `  KEY_${index}: '${id}',`);
  const positions = lines.map((line, index) => new vscode.Position(index, line.indexOf("'") + 3));
  // The provider reads lineAt(n).text only.
  const document = { lineAt: (line: number) => ({ text: lines[line] ?? '' }), lineCount: lines.length } as unknown as vscode.TextDocument;
  return { document, positions };
}

async function hoverAll(emulator: Emulator, provider: KeyHoverProvider, ids: readonly string[]): Promise<Pass> {
  const { document, positions } = documentOf(ids);
  emulator.requests.clear();
  const latenciesMs: number[] = [];
  let shown = 0;
  for (const position of positions) {
    const source = new vscode.CancellationTokenSource();
    const started = performance.now();
    const hover = await provider.provideHover(document, position, source.token);
    latenciesMs.push(performance.now() - started);
    source.dispose();
    if (hover) shown += 1;
  }
  const summary = emulator.requests.summary();
  return { requests: summary.total, byPath: summary.byPath, latenciesMs, shown };
}

interface Scenario {
  cold: Pass;
  warm: Pass;
  sameId: Pass;
}

async function scenario(emulator: Emulator, ids: readonly string[]): Promise<Scenario> {
  const fresh = async (): Promise<{ provider: KeyHoverProvider; close(): Promise<void> }> => {
    const keyscope = await createKeyscope(emulator.config);
    return { provider: new KeyHoverProvider(new KeyIndex(keyscope.usage, () => keyscope.config)), close: () => keyscope.close() };
  };
  const first = await fresh();
  const cold = await hoverAll(emulator, first.provider, ids);
  const warm = await hoverAll(emulator, first.provider, ids);
  await first.close();
  const second = await fresh();
  const sameId = await hoverAll(emulator, second.provider, Array.from({ length: SAME_ID_HOVERS }, () => ids[0] ?? ''));
  await second.close();
  return { cold, warm, sameId };
}

function passFigures(vendor: string, label: string, passes: Pass[], budget: number): Figure[] {
  const latencies = passes.flatMap((pass) => pass.latenciesMs);
  const shown = median(passes.map((pass) => pass.shown));
  const hovers = passes[0]?.latenciesMs.length ?? 0;
  const byPath = Object.entries(passes[0]?.byPath ?? {})
    .map(([path, count]) => `${path} ×${count}`)
    .join(', ');
  return [
    figure({
      section: SECTION,
      name: `${vendor}, ${label}: vendor requests`,
      value: median(passes.map((pass) => pass.requests)),
      unit: 'req',
      budget: budget === 0 ? exactly(0, '= 0') : budget === 1 ? exactly(1, '= 1') : atMost(budget, 'req'),
      note: `${byPath ? `requests: ${byPath}; ` : ''}${shown} of ${hovers} hovers showed usage; median of ${passes.length} runs, each with a fresh UsageService`,
      samples: passes.map((pass) => pass.requests),
    }),
    figure({ section: SECTION, name: `${vendor}, ${label}: p50 latency`, value: quantile(latencies, 0.5), unit: 'ms' }),
    figure({ section: SECTION, name: `${vendor}, ${label}: p95 latency`, value: quantile(latencies, 0.95), unit: 'ms' }),
  ];
}

function unkeyIds(emulator: Emulator): string[] {
  const api = emulator.unkey.workspace.apis.find((candidate) => candidate.id === emulator.config.unkey.apiIds[0]);
  // Every 10th key: spread over the API, busy keys and quiet ones alike.
  return (api?.keys ?? []).filter((_, index) => index % 10 === 0).slice(0, DISTINCT).map((key) => key.id);
}

function cryptolensKeys(emulator: Emulator): string[] {
  const keys = emulator.cryptolens.data.summaries.map((summary) => summary.key).filter((key) => key !== '');
  const step = Math.max(1, Math.floor(keys.length / DISTINCT));
  return [...new Set(keys.filter((_, index) => index % step === 0))].slice(0, DISTINCT);
}

export async function hoverFigures(emulator: Emulator): Promise<Figure[]> {
  const figures: Figure[] = [];
  const vendors: Array<[string, string[]]> = [
    [`Unkey (${emulator.config.unkey.apiIds.length} APIs configured)`, unkeyIds(emulator)],
    ['Cryptolens', cryptolensKeys(emulator)],
  ];
  for (const [vendor, ids] of vendors) {
    if (ids.length < DISTINCT) throw new Error(`${vendor}: only ${ids.length} distinct ids to hover`);
    const runs: Scenario[] = [];
    for (let run = 0; run < RUNS; run++) {
      emulator.unkey.resetQuota();
      runs.push(await scenario(emulator, ids));
    }
    figures.push(
      ...passFigures(vendor, `${DISTINCT} distinct ids, cold`, runs.map((run) => run.cold), 4),
      ...passFigures(vendor, `${DISTINCT} distinct ids, warm`, runs.map((run) => run.warm), 0),
      ...passFigures(vendor, `one id ${SAME_ID_HOVERS} times`, runs.map((run) => run.sameId), 1),
    );
  }
  return figures;
}
