import * as vscode from 'vscode';
import { isVendorId, VENDOR_NAMES, type VendorId } from '../vendor-id';
import type { TokenStore } from '../secrets';
import { notificationText } from '../text/untrusted';
import { pickVendor } from '../ui/pick-vendor';

/** Checks a token with one cheap vendor call; resolves to what the token may see, rejects with why not. */
export type TokenValidator = (vendor: VendorId, token: string) => Promise<string>;

/**
 * `keyscope.setToken`, also callable as `executeCommand('keyscope.setToken', vendor, token)`.
 * Resolves true when the token was stored.
 */
export async function setToken(
  tokens: TokenStore,
  validate: TokenValidator,
  vendorArg?: unknown,
  tokenArg?: unknown,
): Promise<boolean> {
  const vendor = isVendorId(vendorArg) ? vendorArg : await pickVendor(vscode.l10n.t('Which vendor is this token for?'));
  if (!vendor) return false;
  const name = VENDOR_NAMES[vendor];
  const token =
    typeof tokenArg === 'string'
      ? tokenArg
      : await vscode.window.showInputBox({
          title: vscode.l10n.t('Keyscope: {0} access token', name),
          prompt: vscode.l10n.t("Paste your {0} token. It is stored in VS Code's secret storage only.", name),
          password: true,
          ignoreFocusOut: true,
          validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The token is empty.') : undefined),
        });
  if (token === undefined || token.trim() === '') return false;

  let access: string;
  try {
    access = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Keyscope: checking the {0} token…', name) },
      () => validate(vendor, token.trim()),
    );
  } catch (error) {
    // Validation errors name vendor and cause; they never contain the token (see http/errors.ts).
    void vscode.window.showErrorMessage(vscode.l10n.t('Keyscope: the {0} token was not saved. {1}', name, notificationText(messageOf(error))));
    return false;
  }
  await tokens.set(vendor, token.trim());
  void vscode.window.showInformationMessage(vscode.l10n.t('Keyscope: {0} token saved. {1}', name, notificationText(access)));
  return true;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
