// Bounds as a person meets them in the running extension: a vendor in a cooldown gets nothing from a
// hover or Refresh and every surface says until when; closing a panel mid-load stops its requests and
// its export wait; a scan cut short by keyscope.cryptolens.maxScanKeys says "first N keys".
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HttpClient } from '../../src/http/client';
import type { KeysTree } from '../../src/tree/keys-tree';
import type { TreeNode } from '../../src/tree/node';
import type { UsageService } from '../../src/usage/usage-service';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import type { LicenseKeySummary } from '../../src/vendors/model';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { emulator } from './emulator';
import { clearEmulatorRequests, emulatorRequests, positionOf, requestsTo, setAllTokens, updateSetting, waitUntil } from './hover-helpers';
import { keyscopeExtension } from './keyscope';

interface Exports {
  usage: UsageService;
  tree: KeysTree;
}

async function keyscope(): Promise<Exports> {
  const exports = (await keyscopeExtension().activate()) as Partial<Exports> | undefined;
  assert.ok(exports?.usage && exports.tree, 'activate() exports usage and tree in test mode');
  return exports as Exports;
}

async function fault(body: object | undefined): Promise<void> {
  const origin = new URL(emulator().cryptolens.baseUrl).origin;
  const response = await fetch(`${origin}/__emulator/faults`, { method: body ? 'POST' : 'DELETE', ...(body ? { body: JSON.stringify(body) } : {}) });
  assert.ok(response.ok, `emulator fault control answered ${response.status}`);
}

function label(node: TreeNode): string {
  const value = node.toTreeItem().label;
  return typeof value === 'string' ? value : (value?.label ?? '');
}

function description(node: TreeNode): string {
  const value = node.toTreeItem().description;
  return typeof value === 'string' ? value : '';
}

async function vendorNode(tree: KeysTree, name: string): Promise<TreeNode> {
  const node = (await tree.getChildren()).find((candidate) => label(candidate) === name);
  assert.ok(node, `no ${name} node`);
  return node;
}

/** Every Keyscope hover at the position, as the text a person reads (Markdown escapes removed). */
async function hoverTexts(document: vscode.TextDocument, needle: string): Promise<string[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, positionOf(document, needle))) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .filter((text) => text.includes('Keyscope'))
    .map((text) => text.replace(/\\([\s\S])/g, '$1'));
}

function analyticsTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('keyscope.analytics'));
}

describe('bounded: cooldowns, cancellation and scan limits', function () {
  this.timeout(120_000);
  const http = new HttpClient();
  let usage: UsageService;
  let tree: KeysTree;

  before(async () => {
    ({ usage, tree } = await keyscope());
    await setAllTokens();
  });

  afterEach(async () => {
    await fault(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => http.close());

  it('a hover during a cooldown sends nothing and says "rate limited, try again after…"; so do Refresh and the tree', async () => {
    const config = emulator().runtype;
    const [key] = (await new RuntypeClient({ baseUrl: config.baseUrl, token: config.token, http }).listKeys()) ?? [];
    assert.ok(key);
    // The same emulator spelled with a trailing slash is another account to Keyscope: its cooldown
    // (600 s) ends with this test instead of silencing Runtype for the suites after it.
    await updateSetting('keyscope.runtype.baseUrl', `${config.baseUrl}/`);
    try {
      await fault({ vendor: 'runtype', fault: { kind: 'status', status: 429, retryAfter: '600' } });
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `const id = '${key.keyId}';\n` });
      await clearEmulatorRequests();
      const minuteIn600s = (): string => new Date(Math.ceil((Date.now() + 600_000) / 60_000) * 60_000).toISOString().slice(11, 16);
      const earliest = minuteIn600s();
      const said = /^\*\*Keyscope\*\* — Runtype: rate limited, try again after (\d{2}:\d{2}) UTC$/;
      const times = new Set<string>();
      for (let hover = 0; hover < 20; hover++) {
        const [text, ...more] = await hoverTexts(document, key.keyId);
        assert.equal(more.length, 0);
        const time = said.exec(text ?? '')?.[1];
        assert.ok(time, `hover ${hover}: ${text}`);
        times.add(time);
      }
      const latest = minuteIn600s();
      assert.equal(times.size, 1, 'every hover names the same end');
      const [time = ''] = times;
      assert.ok(time >= earliest && time <= latest, `${time} is not 600 s after the refusal (${earliest}-${latest})`);
      assert.equal(requestsTo(await emulatorRequests(), 'runtype'), 1, 'the first hover was refused; the other 19 sent nothing');

      await vscode.commands.executeCommand('keyscope.refresh');
      const children = await tree.getChildren(await vendorNode(tree, 'Runtype'));
      assert.equal(children.length, 1);
      assert.match(label(children[0] as TreeNode), /^Runtype: rate limited, try again after \d{2}:\d{2} UTC$/);
      assert.equal(requestsTo(await emulatorRequests(), 'runtype'), 1, 'Refresh and the tree sent nothing');
    } finally {
      // Healed before the usual account is used again: a 429 there would silence it for 600 s too.
      await fault(undefined);
      await updateSetting('keyscope.runtype.baseUrl', config.baseUrl);
    }
    // The usual account was never refused.
    assert.ok((await usage.runtypeKeys()).length > 0);
  });

  it('closing a panel mid-load sends no request after the close, and ends an export waiting for it', async () => {
    const config = emulator().cryptolens;
    const { items } = await new CryptolensClient({ baseUrl: config.baseUrl, token: config.token, http }).getKeyUsageSummaries({ limit: 1 });
    const productId = items[0]?.productId ?? assert.fail('no summaries');
    usage.clear('cryptolens');
    await fault({ vendor: 'cryptolens', fault: { kind: 'latency', ms: 2_000 } });
    await clearEmulatorRequests();
    await vscode.commands.executeCommand('keyscope.openAnalytics', { vendor: 'cryptolens', scopeId: String(productId) });
    // The product view asks for the account's first summary page, the product's first device page,
    // its requests per day (one page: 30 rows) and its first key-list page (the Status column) together.
    await waitUntil('the panel to ask Cryptolens', async () => (requestsTo(await emulatorRequests(), 'cryptolens') >= 4 ? true : undefined));
    // The panel has drawn nothing yet: an export waits for it.
    const exporting = vscode.commands.executeCommand<vscode.Uri | undefined>('keyscope.exportUsage', 'json', vscode.Uri.file('/tmp/keyscope-never-written.json'));
    const tab = analyticsTab() ?? assert.fail('no Analytics tab');
    const closedAt = Date.now();
    await vscode.window.tabGroups.close(tab);
    assert.equal(await exporting, undefined, 'the export gave up with the panel');
    assert.ok(Date.now() - closedAt < 15_000, 'the export did not sit out its 20 s wait');
    await usage.settled();
    // The scans and the key list have more pages; had the close not aborted them, their second pages would follow.
    assert.equal(requestsTo(await emulatorRequests(), 'cryptolens'), 4, 'no page was asked after the close');
  });

  it('the Keys view and hovers say "first N keys" when keyscope.cryptolens.maxScanKeys cuts the account short', async () => {
    const config = emulator().cryptolens;
    const client = new CryptolensClient({ baseUrl: config.baseUrl, token: config.token, http });
    const all: LicenseKeySummary[] = [];
    for await (const page of client.summaryPages({ limit: 1000 })) all.push(...page.items);
    assert.ok(all.length > 1_000, 'the emulator holds more than 1,000 summaries');
    const beyond = all.slice(1_000).find((summary) => summary.key && !all.slice(0, 1_000).some((first) => first.key === summary.key));
    assert.ok(beyond?.key);
    await updateSetting('keyscope.cryptolens.maxScanKeys', 1_000);
    try {
      const products = await tree.getChildren(await vendorNode(tree, 'Cryptolens'));
      assert.equal(label(products.at(-1) as TreeNode), 'Products of the first 1,000 keys');
      for (const product of products.slice(0, -1)) assert.match(description(product), /^[\d,]+\+ keys$/);
      const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content: `LICENSE=${beyond.key}\n` });
      const [text] = await hoverTexts(document, beyond.key);
      assert.match(text ?? '', /Not among the first 1,000 keys Keyscope read/);
    } finally {
      await updateSetting('keyscope.cryptolens.maxScanKeys', undefined);
    }
    const products = await tree.getChildren(await vendorNode(tree, 'Cryptolens'));
    assert.ok(products.every((node) => label(node).startsWith('Product ')), 'the whole account again');
  });
});
