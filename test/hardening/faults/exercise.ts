// One pass over everything a person uses, for one vendor, through the running extension: the Keys
// tree (its own provider), a hover (VS Code's hover command), a lookup (QuickPick in the DOM) and the
// Analytics panel (its webview in the DOM). All four start together, as a busy person would cause.
import { VENDOR_NAMES, type VendorId } from '../../../src/vendor-id';
import type { HoverResult, TreeRow } from '../agent/protocol';
import type { Session } from '../session';
import { closeQuickInput, waitForQuickInput, waitForWebview } from '../ui';

/** Where each vendor is exercised: a key in the workspace file, a lookup argument, a panel scope. */
export interface Probe {
  vendor: VendorId;
  hover: { file: string; line: number; character: number };
  lookup: { reference: Record<string, string> };
  panel: Record<string, string>;
  /** Text the vendor's panel shows once its data is in. */
  panelLoaded: RegExp;
}

export interface Observation {
  /** Rows of the whole tree. */
  tree: TreeRow[];
  /** The vendor's rows only. */
  vendorRows: TreeRow[];
  treeError: string | undefined;
  hover: HoverResult;
  lookup: string;
  lookupError: string | undefined;
  panel: string;
  panelError: string | undefined;
}

/** A line saying "<Vendor>: <cause>": how every surface names a failing vendor. */
function errorLine(text: string, vendor: VendorId): string | undefined {
  const prefix = `${VENDOR_NAMES[vendor]}: `;
  return text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith(prefix));
}

/**
 * `open`: the panel is opened afresh (closing every editor first); `refresh`: the open panel's own
 * Refresh button is pressed, as a person does once the vendor is back.
 */
export type PanelMode = 'open' | 'refresh';

export async function exercise(session: Session, probe: Probe, timeoutMs: number, mode: PanelMode = 'open'): Promise<Observation> {
  const { page } = session.host;
  const name = VENDOR_NAMES[probe.vendor];
  await closeQuickInput(page);
  if (mode === 'open') await session.agent({ action: 'command', command: 'workbench.action.closeAllEditors', args: [], wait: true });
  const tree = session.agent<TreeRow[]>({ action: 'tree', maxDepth: 3, maxChildren: 2 });
  const hover = session.agent<HoverResult>({ action: 'hover', ...probe.hover });
  const panel = (async (): Promise<string> => {
    if (mode === 'open') {
      await session.agent({ action: 'command', command: 'keyscope.openAnalytics', args: [probe.panel], wait: true });
    } else {
      const { frame } = await waitForWebview(page, `the ${name} panel`, (text) => text.includes(name), timeoutMs);
      await frame.locator('vscode-button', { hasText: /^\s*Refresh\s*$/ }).first().click();
    }
    const loaded = (text: string): boolean => !text.includes('Loading…') && probe.panelLoaded.test(text) && errorLine(text, probe.vendor) === undefined;
    // After its own Refresh the panel must come back with data; the old error must not count.
    const settled = mode === 'refresh' ? loaded : (text: string): boolean => loaded(text) || (!text.includes('Loading…') && errorLine(text, probe.vendor) !== undefined);
    return (await waitForWebview(page, mode === 'refresh' ? `${name} data again` : `${name} data or a ${name} error`, settled, timeoutMs)).text;
  })();
  const lookup = (async (): Promise<string> => {
    await session.agent({ action: 'command', command: 'keyscope.lookupKey', args: [probe.lookup], wait: false });
    const done = (text: string): boolean => text.includes('Open in Keyscope Analytics') || errorLine(text, probe.vendor) !== undefined;
    return waitForQuickInput(page, `a ${name} lookup result`, done, timeoutMs);
  })();
  const [treeRows, hoverResult, panelText, lookupText] = await Promise.all([tree, hover, panel, lookup]);
  await closeQuickInput(page);
  const vendorRows = treeRows.filter((row) => row.id === probe.vendor || row.id.startsWith(`${probe.vendor}/`));
  return {
    tree: treeRows,
    vendorRows,
    treeError: vendorRows.find((row) => row.id.endsWith('/error'))?.label,
    hover: hoverResult,
    lookup: lookupText,
    lookupError: errorLine(lookupText, probe.vendor),
    panel: panelText,
    panelError: errorLine(panelText, probe.vendor),
  };
}
