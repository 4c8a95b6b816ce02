// Figure 7: what keeps Keyscope bounded over days — the cache's caps, a cooldown that honours a long
// Retry-After, and a closed panel that stops asking.
import type { Emulator } from '../../test/emulator/server';
import type { Figure } from '../lib/figure';
import { cacheFigures } from './cache';
import { closedPanelFigures } from './closed-panel';
import { cooldownFigures } from './cooldown';

export async function boundsFigures(emulator: Emulator): Promise<Figure[]> {
  return [...(await cacheFigures(emulator)), ...(await cooldownFigures(emulator)), ...(await closedPanelFigures(emulator))];
}
