// Figure 7, cooldown: a vendor answers 429 with Retry-After: 600 to everything. Keyscope's own hover
// provider is hovered 50 times, then Refresh runs (src/commands/refresh.ts) and the Keys tree reloads
// the vendor, then an Analytics panel asks for its data (the host's handler, as the webview would):
// the vendor requests all that costs. VS Code itself is the in-process stub.
import '../vscode/register';
import * as vscode from 'vscode';
import { refresh } from '../../src/commands/refresh';
import { KeyHoverProvider } from '../../src/hover/provider';
import { answerRequest } from '../../src/panel/handler';
import type { PanelScope } from '../../src/panel/protocol-data';
import { CryptolensRootNode } from '../../src/tree/cryptolens-nodes';
import { KeysTree } from '../../src/tree/keys-tree';
import type { TreeNode } from '../../src/tree/node';
import { RuntypeRootNode } from '../../src/tree/runtype-nodes';
import { UnkeyRootNode } from '../../src/tree/unkey-nodes';
import { describeError } from '../../src/usage/describe-error';
import { KeyIndex } from '../../src/usage/key-index';
import type { VendorId } from '../../src/vendor-id';
import type { Emulator } from '../../test/emulator/server';
import { exactly, figure, type Figure } from '../lib/figure';
import { createKeyscope, type Keyscope } from '../lib/keyscope';
import { benchPanelContext } from '../lib/panel-context';

const HOVERS = 50;
const SECTION = '7 bounds';

interface Case {
  vendor: VendorId;
  label: string;
  /** The string hovered: an id the vendor knows. */
  id: string;
  scope: PanelScope;
  /** What the panel asks for first. */
  requests: Array<Parameters<typeof answerRequest>[1]>;
  root(keyscope: Keyscope): TreeNode;
}

function cases(emulator: Emulator): Case[] {
  const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const [apiId = ''] = emulator.config.unkey.apiIds;
  const range = { start: now - 24 * 3_600_000, end: now, granularity: 'hour' as const };
  const summary = emulator.cryptolens.data.summaries.find((row) => row.key !== '');
  const unkeyKey = emulator.unkey.workspace.apis.find((api) => api.id === apiId)?.keys[0];
  const runtypeKey = emulator.runtype.keys[0];
  if (!summary || !unkeyKey || !runtypeKey) throw new Error('the emulator seeded no keys');
  return [
    {
      vendor: 'cryptolens',
      label: 'Cryptolens',
      id: summary.key,
      scope: { vendor: 'cryptolens', productId: summary.productId },
      requests: [{ kind: 'request', id: 1, method: 'cryptolens.product', params: {} }],
      root: (keyscope) => new CryptolensRootNode(keyscope.usage),
    },
    {
      vendor: 'unkey',
      label: 'Unkey (one API configured)',
      id: unkeyKey.id,
      scope: { vendor: 'unkey', apiId },
      requests: [
        { kind: 'request', id: 1, method: 'unkey.series', params: range },
        { kind: 'request', id: 2, method: 'unkey.breakdown', params: { range, by: 'key', limit: 10 } },
      ],
      root: (keyscope) => new UnkeyRootNode(keyscope.usage, keyscope.config.unkeyApiIds, [], 'v2'),
    },
    {
      vendor: 'runtype',
      label: 'Runtype',
      id: runtypeKey.id,
      scope: { vendor: 'runtype' },
      requests: [{ kind: 'request', id: 1, method: 'runtype.summary', params: {} }],
      root: (keyscope) => new RuntypeRootNode(keyscope.usage),
    },
  ];
}

/** Every row the tree shows under `node`, two levels down, as a person expanding it would load them. */
async function expand(tree: KeysTree, node: TreeNode, depth = 2): Promise<string[]> {
  const labels: string[] = [];
  for (const child of await tree.getChildren(node)) {
    const label = child.toTreeItem().label;
    labels.push(typeof label === 'string' ? label : '');
    if (depth > 1 && child.children) labels.push(...(await expand(tree, child, depth - 1)));
  }
  return labels;
}

async function run(emulator: Emulator, test: Case): Promise<{ requests: number; said: string[] }> {
  const keyscope = await createKeyscope(emulator.config);
  try {
    // One configured API: a key id does not say its API, so each configured API costs a first query.
    keyscope.config.unkeyApiIds = keyscope.config.unkeyApiIds.slice(0, 1);
    emulator.faults.clear();
    emulator.faults.add({ vendor: test.vendor, fault: { kind: 'status', status: 429, retryAfter: '600' } });
    emulator.requests.clear();
    const provider = new KeyHoverProvider(new KeyIndex(keyscope.usage, () => keyscope.config));
    const line = `const id = '${test.id}';`;
    const document = { lineAt: () => ({ text: line }), lineCount: 1 } as unknown as vscode.TextDocument;
    const said: string[] = [];
    for (let hover = 0; hover < HOVERS; hover++) {
      const source = new vscode.CancellationTokenSource();
      const shown = await provider.provideHover(document, new vscode.Position(0, line.indexOf(test.id) + 2), source.token);
      source.dispose();
      const markdown = shown?.contents as { value?: string } | undefined;
      if (hover === 0 && markdown?.value) said.push(`hover: ${markdown.value}`);
    }
    const root = test.root(keyscope);
    const tree = new KeysTree(async () => [root], (work) => work());
    await refresh(keyscope.tokens, keyscope.usage, tree);
    said.push(`tree: ${(await expand(tree, root)).find((label) => /rate limited/.test(label)) ?? '(no message)'}`);
    const context = benchPanelContext(keyscope, test.scope);
    for (const request of test.requests) await answerRequest(context, request).catch((error: unknown) => said.push(`panel: ${describeError(error)}`));
    await keyscope.usage.settled();
    return { requests: emulator.requests.count({ vendor: test.vendor }), said };
  } finally {
    emulator.faults.clear();
    await keyscope.close();
  }
}

export async function cooldownFigures(emulator: Emulator): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const test of cases(emulator)) {
    emulator.unkey.resetQuota();
    const { requests, said } = await run(emulator, test);
    figures.push(
      figure({
        section: SECTION,
        name: `${test.label}: vendor requests during a 600 s Retry-After (${HOVERS} hovers, a Refresh, an open panel)`,
        value: requests,
        unit: 'req',
        budget: exactly(1, '= 1'),
        note: `the first hover's request is refused with 429 Retry-After: 600; then nothing is sent. What each surface said: ${said.map((text) => text.replace(/\s+/g, ' ')).join(' | ')}`,
      }),
    );
  }
  return figures;
}
