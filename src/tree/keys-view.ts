import * as vscode from 'vscode';
import type { HealthClock } from './health-item';
import type { KeyscopeConfig } from '../config';
import type { TokenStore } from '../secrets';
import type { UsageService } from '../usage/usage-service';
import { CryptolensRootNode } from './cryptolens-nodes';
import { KeysTree } from './keys-tree';
import { LOAD_MORE_COMMAND, RETRY_COMMAND } from './message-node';
import type { TreeNode } from './node';
import { RuntypeRootNode } from './runtype-nodes';
import { UnkeyRootNode } from './unkey-nodes';
import { scopeRequestOf } from '../panel/scope';
import { VENDOR_NAMES } from '../vendor-id';
import { COMMANDS } from '../command-ids';

export const VIEW_ID = 'keyscope.keys';
export const REVEAL_COMMAND = COMMANDS.revealInKeysView;

/** The Keys view: one top node per vendor with a token; progress shows on the view while it loads. */
export function createKeysView(
  tokens: TokenStore,
  usage: UsageService,
  config: () => KeyscopeConfig,
): { tree: KeysTree; view: vscode.TreeView<TreeNode>; disposables: vscode.Disposable[] } {
  const roots = async (): Promise<TreeNode[]> => {
    const vendors = await tokens.vendorsWithTokens();
    // The welcome view (package.json viewsWelcome) shows while no vendor has a token.
    await vscode.commands.executeCommand('setContext', 'keyscope.hasTokens', vendors.length > 0);
    const settings = config();
    const health: HealthClock = () => ({ now: Date.now(), expiresSoonDays: config().expiresSoonDays });
    return vendors.map((vendor) => {
      switch (vendor) {
        case 'cryptolens':
          return new CryptolensRootNode(usage, health);
        case 'unkey':
          return new UnkeyRootNode(usage, settings.unkeyApiIds, settings.rejectedUnkeyApiIds, settings.unkeyApiVersion, health);
        case 'runtype':
          return new RuntypeRootNode(usage, health);
      }
    });
  };
  const tree = new KeysTree(roots, (work) => vscode.window.withProgress({ location: { viewId: VIEW_ID } }, work));
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  return {
    tree,
    view,
    disposables: [
      tree,
      view,
      // A click on an error node is a deliberate retry: it asks again instead of reusing the failure.
      vscode.commands.registerCommand(RETRY_COMMAND, (id: unknown) => {
        usage.forgetFailures();
        tree.refresh(typeof id === 'string' ? id : undefined);
      }),
      vscode.commands.registerCommand(LOAD_MORE_COMMAND, (id: unknown) => {
        usage.forgetFailures();
        return typeof id === 'string' ? tree.loadMore(id) : undefined;
      }),
      vscode.commands.registerCommand(REVEAL_COMMAND, (argument: unknown) => revealInView(tree, view, argument)),
    ],
  };
}

/** Selects a key (or product, API) in the Keys view, loading what leads to it. Says so when it is not there. */
async function revealInView(tree: KeysTree, view: vscode.TreeView<TreeNode>, argument: unknown): Promise<void> {
  const request = scopeRequestOf(argument);
  if (!request) return;
  const node = await tree.find(request);
  if (!node) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: that {0} key is not in the Keys view.', VENDOR_NAMES[request.vendor]));
    return;
  }
  await view.reveal(node, { select: true, focus: true, expand: true });
}
