// Key health (issue 13) in the running extension: the status word each emulator key was seeded for, on
// the Keys view's rows and on hovers; the Problems panel following a document; and a Cryptolens token
// without the key permissions degrading to usage without a status.
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KeysTree } from '../../src/tree/keys-tree';
import type { TreeNode } from '../../src/tree/node';
import { healthOf, type HealthConfig } from '../host/emulator-config';
import { emulator } from './emulator';
import { testEnv } from './env';
import { keyscopeHovers, positionOf, setAllTokens, waitUntil } from './hover-helpers';
import { keyscopeExtension } from './keyscope';

function health(): HealthConfig {
  return healthOf(emulator());
}

async function keysTree(): Promise<KeysTree> {
  const exports = (await keyscopeExtension().activate()) as { tree?: KeysTree } | undefined;
  assert.ok(exports?.tree);
  return exports.tree;
}

function item(node: TreeNode): { label: string; description: string; tooltip: string; icon: string } {
  const treeItem = node.toTreeItem();
  const label = typeof treeItem.label === 'string' ? treeItem.label : (treeItem.label?.label ?? '');
  const icon = treeItem.iconPath instanceof vscode.ThemeIcon ? treeItem.iconPath.id : '';
  return { label, description: typeof treeItem.description === 'string' ? treeItem.description : '', tooltip: typeof treeItem.tooltip === 'string' ? treeItem.tooltip : '', icon };
}

async function child(tree: KeysTree, parent: TreeNode | undefined, id: string): Promise<TreeNode> {
  const children = await tree.getChildren(parent);
  const node = children.find((candidate) => candidate.id === id);
  assert.ok(node, `no node ${id} among ${children.map((candidate) => candidate.id).join(', ')}`);
  return node;
}

/** A key row shows its word first unless Active, and always the reason in its tooltip. */
function assertRow(node: TreeNode, word: string): void {
  const { description, tooltip, icon } = item(node);
  if (word === 'Active') assert.ok(!/^[A-Z][a-z]+( [a-z]+)? · /.test(description) || description.startsWith('Active'), description);
  else assert.ok(description.startsWith(`${word} · `), `${node.id}: "${description}" should start with ${word}`);
  assert.ok(tooltip.includes(`Status: ${word} — `), `${node.id} tooltip: ${tooltip}`);
  if (word !== 'Active') assert.ok(icon === 'error' || icon === 'warning', `${node.id}: icon ${icon}`);
}

function workspaceFile(name: string, content: string): vscode.Uri {
  const workspace = process.env[testEnv.workspaceDir];
  assert.ok(workspace);
  mkdirSync(join(workspace, 'health'), { recursive: true });
  const file = join(workspace, 'health', name);
  writeFileSync(file, content);
  return vscode.Uri.file(file);
}

function keyscopeProblems(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Keyscope');
}

describe('key health', function () {
  this.timeout(120_000);
  let tree: KeysTree;
  const opened: vscode.TextDocument[] = [];
  const untitled = async (content: string): Promise<vscode.TextDocument> => {
    const document = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    opened.push(document);
    return document;
  };

  before(async () => {
    tree = await keysTree();
    await setAllTokens();
  });

  after(async () => {
    // Open documents keep their diagnostics asking after every cache clear: later suites count requests.
    for (const document of opened) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await setAllTokens();
    await vscode.commands.executeCommand('keyscope.refresh');
  });

  it('Keys view: Unkey and Runtype rows lead with the word each key was seeded for', async () => {
    const { unkey, runtype } = health();
    const api = await child(tree, await child(tree, undefined, 'unkey'), `unkey/${unkey.health.apiId}`);
    const words = Object.keys(unkey.health.keys);
    assert.ok(words.includes('Disabled') && words.includes('Rate limited'), words.join());
    for (const [word, ids] of Object.entries(unkey.health.keys)) {
      for (const keyId of ids) assertRow(await child(tree, api, `unkey/${unkey.health.apiId}/${keyId}`), word);
    }
    const runtypeRoot = await child(tree, undefined, 'runtype');
    for (const [word, ids] of Object.entries(runtype.health.keys)) {
      for (const keyId of ids) assertRow(await child(tree, runtypeRoot, `runtype/${keyId}`), word);
    }
  });

  it('Keys view: Cryptolens rows lead with their word (from product/GetKeys)', async () => {
    const cryptolensRoot = await child(tree, undefined, 'cryptolens');
    let checked = 0;
    for (const [word, keys] of Object.entries(health().cryptolens.health.keys)) {
      // A key list cannot tell a blocked key (Cryptolens' Block field is always false): GetKey can, on hovers and lookups.
      if (word === 'Blocked') continue;
      for (const key of keys) {
        const product = await child(tree, cryptolensRoot, `cryptolens/${key.productId}`);
        const node = (await tree.getChildren(product)).find((candidate) => candidate.id === `cryptolens/${key.productId}/${key.keyId}`);
        if (!node) continue; // past the first page of 100
        // A key list cannot tell a product's unenforced expiry: that key reads Expired there (the caveat says so).
        const expected = word === 'Active' && item(node).tooltip.includes('expiry date passed') ? 'Expired' : word;
        assertRow(node, expected);
        checked++;
      }
    }
    assert.ok(checked >= 3, `checked ${checked} Cryptolens rows`);
  });

  it('hovers: the first line carries the status word and its reason', async () => {
    const { unkey, runtype, cryptolens } = health();
    const cases: Array<[string, string]> = [];
    for (const [word, ids] of Object.entries(unkey.health.keys)) for (const id of ids) cases.push([id, word]);
    for (const [word, ids] of Object.entries(runtype.health.keys)) for (const id of ids) cases.push([id, word]);
    for (const [word, keys] of Object.entries(cryptolens.health.keys)) for (const key of keys) if (key.key) cases.push([key.key, word]);
    const document = await untitled(cases.map(([id]) => `use("${id}");`).join('\n'));
    let shown = 0;
    for (const [id, word] of cases) {
      const [markdown] = await keyscopeHovers(document.uri, positionOf(document, id));
      if (!markdown) continue; // an Unkey key with no verifications in 30 days has no hover
      const firstLine = markdown.value.split('\n')[0] ?? '';
      assert.ok(firstLine.includes(` — **${word}**: `), `${id}: ${firstLine}`);
      shown++;
    }
    assert.ok(shown >= cases.length - 2, `${shown} of ${cases.length} hovers`);
  });

  it('Problems: an open document lists a Disabled key; editing the id away or closing the document removes it', async () => {
    const disabled = health().unkey.health.keys['Disabled']?.[0];
    const active = health().unkey.health.keys['Active']?.[0];
    assert.ok(disabled && active);
    const uri = workspaceFile('keys.ts', `export const A = '${disabled}';\nexport const B = '${active}';\n`);
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const [problem, ...others] = await waitUntil('a Keyscope problem', async () => {
      const found = keyscopeProblems(uri);
      return found.length > 0 ? found : undefined;
    });
    assert.equal(others.length, 0, 'the Active key is not listed');
    assert.ok(problem);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(problem.message.startsWith('Disabled: ') && problem.message.includes(disabled), problem.message);
    assert.equal(problem.range.start.line, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem.range);
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Look up key usage') && titles.includes('Open in Keyscope Analytics'), titles.join());

    await editor.edit((edit) => edit.replace(document.lineAt(0).range, "export const A = 'gone';"));
    await waitUntil('the problem to go', async () => (keyscopeProblems(uri).length === 0 ? true : undefined));

    await editor.edit((edit) => edit.replace(document.lineAt(0).range, `export const A = '${disabled}';`));
    await document.save();
    await waitUntil('the problem back', async () => (keyscopeProblems(uri).length === 1 ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitUntil('the closed document to lose it', async () => (keyscopeProblems(uri).length === 0 ? true : undefined), 60_000);
  });

  it('Problems: off when keyscope.diagnostics.enabled is off', async () => {
    const expired = health().unkey.health.keys['Expired']?.[0];
    assert.ok(expired);
    const uri = workspaceFile('expired.ts', `export const K = '${expired}';\n`);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitUntil('a Keyscope problem', async () => (keyscopeProblems(uri).length > 0 ? true : undefined));
    await vscode.workspace.getConfiguration().update('keyscope.diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitUntil('no problems', async () => (keyscopeProblems(uri).length === 0 ? true : undefined));
    } finally {
      await vscode.workspace.getConfiguration().update('keyscope.diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    }
  });

  it('Cryptolens without GetKey/GetKeys: usage as before, no status word on hovers or rows', async () => {
    const { cryptolens } = health();
    const stored = await vscode.commands.executeCommand<boolean>('keyscope.setToken', 'cryptolens', cryptolens.health.tokenWithoutKeyPermissions);
    assert.equal(stored, true);
    const blocked = cryptolens.health.keys['Blocked']?.[0];
    assert.ok(blocked);
    const document = await untitled(`key = "${blocked.key}"`);
    const [markdown] = await waitUntil('a hover', async () => {
      const found = await keyscopeHovers(document.uri, positionOf(document, blocked.key));
      return found.length > 0 ? found : undefined;
    });
    assert.ok(markdown);
    assert.ok(markdown.value.includes('Requests (lifetime)'), markdown.value);
    assert.ok(!markdown.value.split('\n')[0]?.includes(' — **'), markdown.value);
    const product = await child(tree, await child(tree, undefined, 'cryptolens'), `cryptolens/${blocked.productId}`);
    const row = (await tree.getChildren(product)).find((node) => node.id === `cryptolens/${blocked.productId}/${blocked.keyId}`);
    if (row) assert.ok(!item(row).description.startsWith('Blocked'), item(row).description);
  });
});
