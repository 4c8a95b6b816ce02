// The Keys tree in the running extension, level by level, against the emulator's own numbers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { HttpClient } from '../../src/http/client';
import type { KeysTree } from '../../src/tree/keys-tree';
import type { TreeNode } from '../../src/tree/node';
import { CryptolensClient } from '../../src/vendors/cryptolens/client';
import type { LicenseKeySummary } from '../../src/vendors/model';
import { RuntypeClient } from '../../src/vendors/runtype/client';
import { createUnkeyClient } from '../../src/vendors/unkey/factory';
import { emulator } from './emulator';
import { keyscopeExtension } from './keyscope';

interface TreeApi {
  tree: KeysTree;
}

async function treeApi(): Promise<KeysTree> {
  const exports = (await keyscopeExtension().activate()) as Partial<TreeApi> | undefined;
  assert.ok(exports?.tree, 'activate() returned no tree in test mode');
  return exports.tree;
}

function label(node: TreeNode): string {
  const value = node.toTreeItem().label;
  return typeof value === 'string' ? value : (value?.label ?? '');
}

function description(node: TreeNode): string {
  const value = node.toTreeItem().description;
  return typeof value === 'string' ? value : '';
}

function find(nodes: TreeNode[], text: string): TreeNode {
  const node = nodes.find((candidate) => label(candidate) === text);
  assert.ok(node, `no node "${text}" among: ${nodes.map(label).join(', ')}`);
  return node;
}

async function fault(body: object | undefined): Promise<void> {
  const origin = new URL(emulator().cryptolens.baseUrl).origin;
  const response = await fetch(`${origin}/__emulator/faults`, {
    method: body ? 'POST' : 'DELETE',
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  assert.ok(response.ok, `emulator fault control answered ${response.status}`);
}

async function setAllTokens(): Promise<void> {
  const config = emulator();
  for (const [vendor, token] of [
    ['cryptolens', config.cryptolens.token],
    ['unkey', config.unkey.token],
    ['runtype', config.runtype.token],
  ] as const) {
    const stored = await vscode.commands.executeCommand<boolean>('keyscope.setToken', vendor, token);
    assert.equal(stored, true, `the emulator's ${vendor} token was not accepted`);
  }
}

describe('Keys tree', function () {
  this.timeout(60_000);
  const http = new HttpClient();
  let tree: KeysTree;

  before(async () => {
    tree = await treeApi();
    await setAllTokens();
  });

  afterEach(async () => {
    await fault(undefined);
    await vscode.commands.executeCommand('keyscope.refresh');
  });

  after(() => http.close());

  it('shows one top node per vendor with a token', async () => {
    const roots = await tree.getChildren();
    assert.deepEqual(roots.map(label), ['Cryptolens', 'Unkey', 'Runtype']);
  });

  it('Cryptolens: products derived from the summaries, keys a page at a time, then devices', async () => {
    const config = emulator().cryptolens;
    const client = new CryptolensClient({ baseUrl: config.baseUrl, token: config.token, http });
    const all: LicenseKeySummary[] = [];
    for await (const page of client.summaryPages({ limit: 1000 })) all.push(...page.items);
    const productIds = [...new Set(all.map((summary) => summary.productId))].sort((a, b) => a - b);

    const products = await tree.getChildren(find(await tree.getChildren(), 'Cryptolens'));
    assert.deepEqual(products.map(label), productIds.map((id) => `Product ${id}`));

    const productId = productIds[0] ?? assert.fail('no products seeded');
    const product = find(products, `Product ${productId}`);
    const expectedKeys = all.filter((summary) => summary.productId === productId);
    assert.equal(description(product), `${expectedKeys.length.toLocaleString('en-US')} keys`);

    const firstPage = await tree.getChildren(product);
    const keyNodes = firstPage.filter((node) => label(node) !== 'Load more…');
    assert.equal(keyNodes.length, Math.min(100, expectedKeys.length), 'the first page holds 100 keys');
    const expectedLabels = expectedKeys.map((summary) => summary.key ?? `Key #${summary.licenseKeyId} (deleted)`);
    assert.deepEqual(keyNodes.map(label), expectedLabels.slice(0, keyNodes.length));
    if (expectedKeys.length > 100) {
      assert.equal(label(firstPage.at(-1) ?? assert.fail()), 'Load more…');
      await tree.loadMore(product.id);
      const twoPages = (await tree.getChildren(product)).filter((node) => label(node) !== 'Load more…');
      assert.deepEqual(twoPages.map(label), expectedLabels.slice(0, Math.min(200, expectedKeys.length)));
    }

    const withDevices = expectedKeys.find((summary) => summary.key) ?? assert.fail('no live key');
    const devices = await client.getKeyDevices({ productId, keyId: withDevices.licenseKeyId, limit: 100 });
    const keyNode = find(keyNodes, withDevices.key ?? '');
    assert.match(description(keyNode), new RegExp(`^${withDevices.totalRequests.toLocaleString('en-US')} requests`));
    const deviceNodes = await tree.getChildren(keyNode);
    if (devices.items.length === 0) assert.deepEqual(deviceNodes.map(label), ['No devices']);
    else assert.deepEqual(deviceNodes.filter((node) => label(node) !== 'Load more…').map(label), devices.items.map((device) => device.machineCode));
  });

  it('Cryptolens: a deleted key reads "Key #<id> (deleted)"', async () => {
    const config = emulator().cryptolens;
    const client = new CryptolensClient({ baseUrl: config.baseUrl, token: config.token, http });
    const page = await client.getKeyUsageSummaries({ limit: 1000 });
    const deleted = page.items.find((summary) => summary.key === undefined) ?? assert.fail('the emulator seeds no deleted key');
    const products = await tree.getChildren(find(await tree.getChildren(), 'Cryptolens'));
    const product = find(products, `Product ${deleted.productId}`);
    const labels: string[] = [];
    for (let pages = 0; pages < 20 && !labels.includes(`Key #${deleted.licenseKeyId} (deleted)`); pages++) {
      const children = await tree.getChildren(product);
      labels.splice(0, labels.length, ...children.map(label));
      if (!labels.includes('Load more…')) break;
      await tree.loadMore(product.id);
    }
    assert.ok(labels.includes(`Key #${deleted.licenseKeyId} (deleted)`));
  });

  it('Unkey: the configured APIs, their keys with 30-day verifications', async () => {
    const config = emulator().unkey;
    const apis = await tree.getChildren(find(await tree.getChildren(), 'Unkey'));
    assert.deepEqual(apis.map(label), config.apiIds);
    const apiId = config.apiIds[0] ?? assert.fail('no API ids');
    const client = createUnkeyClient({ version: 'v2', baseUrl: config.v2BaseUrl, token: config.token, http });
    const keys = await client.listKeys({ apiId, limit: 100 });
    const end = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const totals = await client.getVerifications({ apiId, start: end - 30 * 86_400_000, end, groupBy: ['key'] });
    const keyNodes = (await tree.getChildren(find(apis, apiId))).filter((node) => label(node) !== 'Load more…');
    assert.equal(keyNodes.length, keys.items.length);
    for (const [index, key] of keys.items.entries()) {
      const node = keyNodes[index] ?? assert.fail();
      const total = totals.find((row) => row.keyId === key.keyId)?.outcomes.total ?? 0;
      // A key whose status is not Active leads with its word (issue 13).
      const withoutStatus = description(node).replace(/^(Disabled|Expired|Low credits|Rate limited|Expires soon|Elevated rejections) · /, '');
      assert.ok(withoutStatus.startsWith(`${key.keyId} · ${total.toLocaleString('en-US')} verifications (30d)`), description(node));
    }
  });

  it('Unkey: switching the API version to v1 refreshes and shows the same numbers', async () => {
    const before = await unkeyDescriptions(tree);
    await vscode.workspace.getConfiguration('keyscope').update('unkey.apiVersion', 'v1', vscode.ConfigurationTarget.Global);
    try {
      const root = find(await tree.getChildren(), 'Unkey');
      assert.equal(description(root), 'API v1');
      assert.deepEqual(await unkeyDescriptions(tree), before);
    } finally {
      await vscode.workspace.getConfiguration('keyscope').update('unkey.apiVersion', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('Unkey: an entry of keyscope.unkey.apiIds that is not an API id is shown as an error naming the setting, and skipped', async () => {
    const config = vscode.workspace.getConfiguration('keyscope');
    const configured = emulator().unkey.apiIds;
    await config.update('unkey.apiIds', ['api_x" OR 1=1 --\u202e', ...configured], vscode.ConfigurationTarget.Global);
    try {
      const children = await tree.getChildren(find(await tree.getChildren(), 'Unkey'));
      assert.deepEqual(children.map(label), [
        'keyscope.unkey.apiIds: "api_x" OR 1=1 --" is not an Unkey API id (api_ followed by letters and digits)',
        ...configured,
      ]);
      const command = children[0]?.toTreeItem().command;
      assert.deepEqual([command?.command, command?.arguments], ['workbench.action.openSettings', ['keyscope.unkey.apiIds']]);
    } finally {
      await config.update('unkey.apiIds', configured, vscode.ConfigurationTarget.Global);
    }
  });

  it('Runtype: totals, then every key with its state', async () => {
    const config = emulator().runtype;
    const summary = await new RuntypeClient({ baseUrl: config.baseUrl, token: config.token, http }).getAnalytics();
    const children = await tree.getChildren(find(await tree.getChildren(), 'Runtype'));
    const [totals, ...keys] = children;
    assert.equal(label(totals ?? assert.fail()), `${summary.totalKeys.toLocaleString('en-US')} keys`);
    assert.equal(description(totals ?? assert.fail()), `${summary.activeKeys.toLocaleString('en-US')} active · ${summary.expiredKeys.toLocaleString('en-US')} expired`);
    assert.equal(keys.length, summary.keys.length);
  });

  it('a failing vendor becomes one error node that names the cause, retries on click, and spares the others', async () => {
    await fault({ vendor: 'cryptolens', fault: { kind: 'status', status: 500 } });
    await vscode.commands.executeCommand('keyscope.refresh');
    const roots = await tree.getChildren();
    const failed = await tree.getChildren(find(roots, 'Cryptolens'));
    assert.equal(failed.length, 1);
    const errorNode = failed[0] ?? assert.fail();
    assert.match(label(errorNode), /^Cryptolens: HTTP 500/);
    const command = errorNode.toTreeItem().command ?? assert.fail('the error node has no retry command');
    assert.ok((await tree.getChildren(find(roots, 'Runtype'))).length > 1, 'Runtype suffered from a Cryptolens failure');

    await fault(undefined);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const recovered = await tree.getChildren(find(roots, 'Cryptolens'));
    assert.ok(recovered.length > 0 && recovered.every((node) => label(node).startsWith('Product ')), recovered.map(label).join(', '));
  });

  it('a wrong token is refused with the vendor\'s words and not stored; Remove forgets a token', async () => {
    const stored = await vscode.commands.executeCommand<boolean>('keyscope.setToken', 'cryptolens', 'not-a-real-token');
    assert.equal(stored, false);
    assert.deepEqual((await tree.getChildren()).map(label), ['Cryptolens', 'Unkey', 'Runtype']);

    assert.equal(await vscode.commands.executeCommand<boolean>('keyscope.removeToken', 'runtype'), true);
    assert.deepEqual((await tree.getChildren()).map(label), ['Cryptolens', 'Unkey']);
    await setAllTokens();
  });
});

async function unkeyDescriptions(tree: KeysTree): Promise<string[]> {
  const apis = await tree.getChildren(find(await tree.getChildren(), 'Unkey'));
  const keys = await tree.getChildren(apis[0] ?? assert.fail('no APIs'));
  return keys.map(description);
}
