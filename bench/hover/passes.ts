// One hover pass: a document of ids hovered one after another through Keyscope's real hover provider,
// with the vendor requests the emulator received and each hover's latency.
import * as vscode from 'vscode';
import { KeyHoverProvider } from '../../src/hover/provider';
import { KeyIndex } from '../../src/usage/key-index';
import type { Emulator } from '../../test/emulator/server';
import { figure, type Figure } from '../lib/figure';
import { createKeyscope } from '../lib/keyscope';
import { quantile } from '../lib/stats';

const SAME_ID_HOVERS = 100;

export interface Pass {
  requests: number;
  /** Requests by vendor endpoint ("unkey /v2/analytics.getVerifications"). */
  byPath: Record<string, number>;
  latenciesMs: number[];
  /** Hovers that showed something (an id no vendor knows shows nothing). */
  shown: number;
}

export interface Scenario {
  cold: Pass;
  warm: Pass;
  sameId?: Pass;
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

/** Cold then warm over `ids` with one fresh Keyscope; then, with another, the first id 100 times. */
export async function runScenario(emulator: Emulator, ids: readonly string[], sameIdHovers: boolean): Promise<Scenario> {
  const fresh = async (): Promise<{ provider: KeyHoverProvider; close(): Promise<void> }> => {
    const keyscope = await createKeyscope(emulator.config);
    return { provider: new KeyHoverProvider(new KeyIndex(keyscope.usage, () => keyscope.config)), close: () => keyscope.close() };
  };
  const first = await fresh();
  const cold = await hoverAll(emulator, first.provider, ids);
  const warm = await hoverAll(emulator, first.provider, ids);
  await first.close();
  if (!sameIdHovers) return { cold, warm };
  const second = await fresh();
  const sameId = await hoverAll(emulator, second.provider, Array.from({ length: SAME_ID_HOVERS }, () => ids[0] ?? ''));
  await second.close();
  return { cold, warm, sameId };
}

export function latencyFigures(section: string, label: string, passes: readonly Pass[]): Figure[] {
  const latencies = passes.flatMap((pass) => pass.latenciesMs);
  return [
    figure({ section, name: `${label}: p50 latency`, value: quantile(latencies, 0.5), unit: 'ms' }),
    figure({ section, name: `${label}: p95 latency`, value: quantile(latencies, 0.95), unit: 'ms' }),
  ];
}
