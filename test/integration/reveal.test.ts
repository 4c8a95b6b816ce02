// "Reveal in Keys view" (a lookup result's action): the Keys tree loads what leads to the key, pages
// included, and TreeView.reveal selects it, climbing by the nodes' parents.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode } from '../../src/tree/node';
import type { UsageService } from '../../src/usage/usage-service';
import type { KeyReference } from '../../src/vendors/model';
import { setAllTokens, waitUntil } from './hover-helpers';
import { keyscopeExtension } from './keyscope';

interface RevealApi {
  usage: UsageService;
  keysView: vscode.TreeView<TreeNode>;
}

async function revealApi(): Promise<RevealApi> {
  const exports = (await keyscopeExtension().activate()) as Partial<RevealApi> | undefined;
  assert.ok(exports?.usage && exports.keysView, 'activate() returned no usage or keysView in test mode');
  return { usage: exports.usage, keysView: exports.keysView };
}

describe('Reveal in Keys view', function () {
  this.timeout(60_000);
  let api: RevealApi;

  before(async () => {
    api = await revealApi();
    await setAllTokens();
  });
  // The next suites expect a tree with nothing expanded or paged yet.
  after(() => vscode.commands.executeCommand('keyscope.refresh'));

  async function revealAndWait(reference: KeyReference, id: string): Promise<void> {
    await vscode.commands.executeCommand('keyscope.revealInKeysView', reference);
    const selected = await waitUntil(`${id} to be selected`, async () => (api.keysView.selection[0]?.id === id ? id : undefined));
    assert.equal(selected, id);
    assert.equal(api.keysView.selection.length, 1);
  }

  it('selects a license key inside its (collapsed) product, loading a second page when the key is on it', async () => {
    const products = (await api.usage.productsWithCounts()).items;
    // A product with more keys than one tree page, when the seed has one: the key then sits on page 2.
    const product = products.find((candidate) => candidate.keyCount > 100) ?? products[0];
    assert.ok(product, 'the emulator has no Cryptolens product');
    const first = await api.usage.licenseKeysPage(product.productId);
    const page = first.nextCursor ? await api.usage.licenseKeysPage(product.productId, first.nextCursor) : first;
    const key = page.items.at(-1);
    assert.ok(key, `product ${product.productId} has no keys`);
    await revealAndWait(
      { vendor: 'cryptolens', scopeId: String(key.productId), keyId: String(key.licenseKeyId) },
      `cryptolens/${key.productId}/${key.licenseKeyId}`,
    );
  });

  it('selects a Runtype key, and an Unkey key inside its API', async () => {
    const [runtypeKey] = await api.usage.runtypeKeys();
    assert.ok(runtypeKey, 'the emulator has no Runtype key');
    await revealAndWait({ vendor: 'runtype', keyId: runtypeKey.keyId }, `runtype/${runtypeKey.keyId}`);

    const apiId = vscode.workspace.getConfiguration('keyscope').get<string[]>('unkey.apiIds')?.[0];
    assert.ok(apiId, 'no Unkey API id is configured');
    const [unkeyKey] = (await api.usage.unkeyKeysPage(apiId)).items;
    assert.ok(unkeyKey, `${apiId} has no keys`);
    await revealAndWait({ vendor: 'unkey', scopeId: apiId, keyId: unkeyKey.keyId }, `unkey/${apiId}/${unkeyKey.keyId}`);
  });

  it('leaves the selection alone for a key the tree does not have', async () => {
    const before = api.keysView.selection.map((node) => node.id);
    await vscode.commands.executeCommand('keyscope.revealInKeysView', { vendor: 'runtype', keyId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual(
      api.keysView.selection.map((node) => node.id),
      before,
    );
  });
});
