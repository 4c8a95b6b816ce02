// Phase: where tokens go. The session's workspace (.vscode/settings.json) points every base URL at a
// recording server and picks another Unkey version; Keyscope must ignore it — token checks, Refresh,
// the tree, hovers, lookups and panels all reach the emulator from the user's settings — and say so
// once. Then a user setting with plain http off loopback must be refused before anything is sent.
import type { Recorder } from '../../host/recorder';
import { waitFor } from '../../host/timeout';
import { TOKEN_DESTINATION_SETTINGS } from '../../../src/trust/destination-settings';
import type { VendorId } from '../../../src/vendor-id';
import type { TreeRow } from '../agent/protocol';
import { exercise, type Probe } from '../faults/exercise';
import type { Report } from '../report';
import type { Session } from '../session';

/** Problems if the recorder heard anything: how many connections, and how many tokens they carried. */
export function heard(recorder: Recorder, session: Session): string[] {
  const connections = recorder.connections();
  if (connections.length === 0) return [];
  const tokens = recorder.tokensSeen(session.tokens());
  return [`the recorder got ${connections.length} connection(s)${tokens.length > 0 ? `, carrying ${tokens.length} token(s)` : ''}`];
}

export async function trustPhase(session: Session, probes: Record<VendorId, Probe>, recorder: Recorder, report: Report): Promise<void> {
  report.section('trust boundary (a workspace that redirects tokens; plain http off loopback)');
  const { page } = session.host;

  // The warning, read in the notification center (its toast may have gone by now).
  await session.agent({ action: 'command', command: 'notifications.showList', args: [], wait: true });
  const warning = await waitFor('the ignored-settings warning', async () => {
    const texts = await page.locator('.notifications-center .notification-list-item').allInnerTexts().catch(() => []);
    return texts.find((text) => text.includes('Keyscope ignored'));
  }, 15_000, 250).catch(() => '');
  await session.agent({ action: 'command', command: 'notifications.hideList', args: [], wait: true });
  report.check('a workspace that sets where tokens go gets a warning naming each setting, which was ignored', [
    ...(warning ? [] : ['no "Keyscope ignored …" notification']),
    ...TOKEN_DESTINATION_SETTINGS.filter((setting) => warning && !warning.includes(setting)).map((setting) => `the warning does not name ${setting}`),
  ]);

  await session.agent({ action: 'refresh' });
  const problems: string[] = [];
  for (const probe of Object.values(probes)) {
    const seen = await exercise(session, probe, 30_000);
    for (const [surface, error] of [['tree', seen.treeError], ['lookup', seen.lookupError], ['panel', seen.panelError]] as const) {
      if (error) problems.push(`${probe.vendor} ${surface}: ${error}`);
    }
    if (seen.hover.contents.length === 0) problems.push(`${probe.vendor}: no hover`);
  }
  const unkeyRoot = (await session.agent<TreeRow[]>({ action: 'tree', maxDepth: 1, maxChildren: 3 })).find((row) => row.id === 'unkey');
  if (unkeyRoot?.description !== 'API v2') problems.push(`the Unkey node says "${unkeyRoot?.description ?? 'nothing'}", not the user's API v2`);
  problems.push(...heard(recorder, session));
  report.check("token checks, Refresh, tree, hovers, lookups and panels use the user's settings; the workspace's host hears nothing", problems);

  // A user setting with plain http to a host that is not loopback (0.0.0.0 reaches the recorder here).
  const runtypeUrl = `http://0.0.0.0:${recorder.port}/runtype`;
  await session.agent({ action: 'configure', settings: { 'keyscope.runtype.baseUrl': runtypeUrl } });
  try {
    const seen = await exercise(session, probes.runtype, 30_000);
    const refusal = /Runtype: the setting keyscope\.runtype\.baseUrl uses plain http/;
    report.check('plain http off loopback is refused before a request, naming the setting, on every surface', [
      ...(refusal.test(seen.treeError ?? '') ? [] : [`tree: ${seen.treeError ?? 'no error node'}`]),
      ...(refusal.test(seen.lookup) ? [] : [`lookup: ${seen.lookup.slice(0, 200)}`]),
      ...(refusal.test(seen.panel) ? [] : [`panel: ${seen.panel.slice(0, 200)}`]),
      ...(seen.hover.contents.length === 0 ? [] : ['a hover answered from somewhere']),
      ...heard(recorder, session),
    ]);
  } finally {
    await session.agent({ action: 'configure', settings: { 'keyscope.runtype.baseUrl': session.emulator.config.runtype.baseUrl } });
  }
}
