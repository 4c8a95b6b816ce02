// Picks, from what the healthy tree shows, one key per vendor to hover, look up and open a panel for,
// and writes them into a workspace file the hovers read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VendorId } from '../../src/vendor-id';
import type { TreeRow } from './agent/protocol';
import type { Probe } from './faults/exercise';
import type { Session } from './session';

export const PROBE_FILE = 'keys.txt';

function pick(rows: TreeRow[], pattern: RegExp, what: string): RegExpExecArray {
  for (const row of rows) {
    const match = pattern.exec(row.id);
    if (match && (what !== 'an Unkey key with traffic' || !/ 0 verifications/.test(row.description))) return match;
  }
  throw new Error(`the Keys tree shows no ${what}: ${rows.map((row) => row.id).join(', ')}`);
}

export async function chooseProbes(session: Session): Promise<Record<VendorId, Probe>> {
  const rows = await session.agent<TreeRow[]>({ action: 'tree', maxDepth: 3, maxChildren: 4 });
  const [, productId = '', keyId = ''] = pick(rows, /^cryptolens\/(\d+)\/(\d+)$/, 'Cryptolens license key');
  const cryptolensKey = rows.find((row) => row.id === `cryptolens/${productId}/${keyId}`)?.label ?? '';
  const [, apiId = '', unkeyKey = ''] = pick(rows, /^unkey\/(api_[A-Za-z0-9]+)\/(key_[A-Za-z0-9]+)$/, 'an Unkey key with traffic');
  const [, runtypeId = ''] = pick(rows, /^runtype\/([0-9a-f-]{36})$/, 'Runtype key');
  // One id per line, at column 0: a hover at character 2 lands on it.
  const lines = [cryptolensKey, unkeyKey, runtypeId];
  writeFileSync(join(session.host.profile.workspaceDir, PROBE_FILE), `${lines.join('\n')}\n`);
  const hover = (line: number): Probe['hover'] => ({ file: PROBE_FILE, line, character: 2 });
  return {
    cryptolens: {
      vendor: 'cryptolens',
      hover: hover(0),
      lookup: { reference: { vendor: 'cryptolens', scopeId: productId, keyId } },
      panel: { vendor: 'cryptolens', scopeId: productId },
      panelLoaded: /License keys|keys with usage|Requests/i,
    },
    unkey: {
      vendor: 'unkey',
      hover: hover(1),
      lookup: { reference: { vendor: 'unkey', scopeId: apiId, keyId: unkeyKey } },
      panel: { vendor: 'unkey', scopeId: apiId },
      panelLoaded: /Verifications|valid/i,
    },
    runtype: {
      vendor: 'runtype',
      hover: hover(2),
      lookup: { reference: { vendor: 'runtype', keyId: runtypeId } },
      panel: { vendor: 'runtype' },
      panelLoaded: /Total keys/i,
    },
  };
}
