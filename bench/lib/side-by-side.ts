// Two ways of doing the same call, timed in short interleaved blocks (A B, B A, A B…) in one process
// and run: drift on a noisy machine hits both alike, and the ratio is taken per block.
import { median } from './stats';

export interface Contender {
  name: string;
  /** One call; `index` counts calls of this contender from 0. */
  call(index: number): Promise<unknown>;
}

export interface SideBySide {
  /** Median over blocks of each contender's mean time per call, ms. */
  perCallMs: [number, number];
  /** Median over blocks of (first contender's time / second's). */
  ratio: number;
  blocks: Array<{ perCallMs: [number, number]; ratio: number }>;
  calls: number;
}

export async function sideBySide(
  contenders: readonly [Contender, Contender],
  options: { blocks: number; callsPerBlock: number; warmupCalls: number; beforeBlock?: () => void },
): Promise<SideBySide> {
  const counters = [0, 0];
  const runBlock = async (which: 0 | 1, calls: number): Promise<number> => {
    const contender = contenders[which];
    options.beforeBlock?.();
    const started = performance.now();
    for (let call = 0; call < calls; call++) await contender.call(counters[which]!++);
    return (performance.now() - started) / calls;
  };
  await runBlock(0, options.warmupCalls);
  await runBlock(1, options.warmupCalls);
  const blocks: SideBySide['blocks'] = [];
  for (let block = 0; block < options.blocks; block++) {
    const order: Array<0 | 1> = block % 2 === 0 ? [0, 1] : [1, 0];
    const perCall: [number, number] = [0, 0];
    for (const which of order) perCall[which] = await runBlock(which, options.callsPerBlock);
    blocks.push({ perCallMs: perCall, ratio: perCall[0] / perCall[1] });
  }
  return {
    perCallMs: [median(blocks.map((block) => block.perCallMs[0])), median(blocks.map((block) => block.perCallMs[1]))],
    ratio: median(blocks.map((block) => block.ratio)),
    blocks,
    calls: options.blocks * options.callsPerBlock,
  };
}
