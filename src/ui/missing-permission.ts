// Says once per window and vendor which token permission would add key status, when the usage
// service finds the token lacks it (the surfaces then show usage as before, with no status word).
import * as vscode from 'vscode';
import type { UsageService } from '../usage/usage-service';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';
import { plainText } from '../text/untrusted';

export function missingPermissionMessage(vendor: VendorId, permission: string): string {
  const shown = plainText(permission, 80);
  return vendor === 'cryptolens'
    ? vscode.l10n.t('{0}: your token lacks the {1} permission, so Keyscope shows license keys without their status (Expired, Blocked, …). Add {1} to the token to see it.', VENDOR_NAMES[vendor], shown)
    : vscode.l10n.t('{0}: your token lacks the {1} permission, so Keyscope shows keys without their status (Expired, Blocked, …). Add {1} to the token to see it.', VENDOR_NAMES[vendor], shown);
}

export function registerMissingPermissionNotice(usage: UsageService): vscode.Disposable {
  const told = new Set<VendorId>();
  const unsubscribe = usage.onMissingPermission((vendor, permission) => {
    if (told.has(vendor)) return;
    told.add(vendor);
    void vscode.window.showInformationMessage(missingPermissionMessage(vendor, permission));
  });
  return new vscode.Disposable(unsubscribe);
}
