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
  const vendor = isVendorId(vendorArg) ? vendorArg : await pickVendor('Which vendor is this token for?');
  if (!vendor) return false;
  const name = VENDOR_NAMES[vendor];
  const token =
    typeof tokenArg === 'string'
      ? tokenArg
      : await vscode.window.showInputBox({
          title: `Keyscope: ${name} access token`,
          prompt: `Paste your ${name} token. It is stored in VS Code's secret storage only.`,
          password: true,
          ignoreFocusOut: true,
          validateInput: (value) => (value.trim() === '' ? 'The token is empty.' : undefined),
        });
  if (token === undefined || token.trim() === '') return false;

  let access: string;
  try {
    access = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Keyscope: checking the ${name} token…` },
      () => validate(vendor, token.trim()),
    );
  } catch (error) {
    // Validation errors name vendor and cause; they never contain the token (see http/errors.ts).
    void vscode.window.showErrorMessage(`Keyscope: the ${name} token was not saved. ${notificationText(messageOf(error))}`);
    return false;
  }
  await tokens.set(vendor, token.trim());
  void vscode.window.showInformationMessage(`Keyscope: ${name} token saved. ${notificationText(access)}`);
  return true;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
