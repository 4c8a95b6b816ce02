import * as vscode from 'vscode';
import type { TokenStore } from '../secrets';
import type { KeysTree } from '../tree/keys-tree';
import { notificationText } from '../text/untrusted';
import { CoolingDownError } from '../usage/cooldown';
import type { UsageService } from '../usage/usage-service';

/**
 * `keyscope.refresh`: forgets every vendor's answers and reloads the tree — except for a vendor in a
 * cooldown, whose answers stay on screen and which is sent nothing; the person is told until when.
 */
export async function refresh(tokens: TokenStore, usage: UsageService, tree: KeysTree): Promise<void> {
  const cooling: string[] = [];
  for (const vendor of await tokens.vendorsWithTokens()) {
    try {
      await usage.checkCooldown(vendor);
      usage.clear(vendor);
    } catch (error) {
      if (!(error instanceof CoolingDownError)) throw error;
      cooling.push(error.summary);
    }
  }
  tree.refresh();
  if (cooling.length > 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Keyscope: {0}. Nothing was sent.', notificationText(cooling.join('; '))));
  }
}
