// Emulator scales for figures that need more (or less) data than DEFAULT_SCALE.
import type { Emulator } from '../../test/emulator/server';
import { DEFAULT_SCALE, type Scale } from '../../test/emulator/scale';

/** Just enough of the other vendors to start; the figure's vendor gets what it needs. */
export const MINIMAL_SCALE: Scale = {
  products: 3,
  licenseKeys: 50,
  devices: 50,
  unkeyApis: 1,
  unkeyKeys: 20,
  unkeyDays: 2,
  runtypeKeys: 5,
};

/**
 * A scale whose Cryptolens seed holds a little fewer than `summaries` summaries (about one key in ten
 * is never used and has none); topUpSummaries() adds the rest.
 */
export function cryptolensScale(summaries: number, devices = 50): Scale {
  return { ...MINIMAL_SCALE, licenseKeys: Math.max(2, Math.floor(summaries / 0.9) - 50), devices };
}

/** Appends used keys until the emulator holds exactly `summaries` summaries. */
export function topUpSummaries(emulator: Emulator, summaries: number): void {
  const have = emulator.cryptolens.data.summaries.length;
  if (have > summaries) throw new Error(`the seed holds ${have} summaries, more than the ${summaries} wanted`);
  for (let count = have; count < summaries; count++) emulator.cryptolens.appendSummary();
}

export { DEFAULT_SCALE };
