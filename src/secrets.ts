import * as vscode from 'vscode';
import { isVendorId, VENDOR_IDS, type VendorId } from './vendor-id';

const PREFIX = 'keyscope.token.';

/**
 * Vendor tokens in VS Code's SecretStorage, and nowhere else. Nothing here logs or returns a token
 * except `get`, whose callers hand it straight to a vendor client.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<VendorId>();
  /** Fires for changes made in this window and in others (SecretStorage syncs them). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      const vendor = event.key.startsWith(PREFIX) ? event.key.slice(PREFIX.length) : undefined;
      if (isVendorId(vendor)) this.changed.fire(vendor);
    });
  }

  get(vendor: VendorId): Thenable<string | undefined> {
    return this.secrets.get(PREFIX + vendor);
  }

  set(vendor: VendorId, token: string): Thenable<void> {
    return this.secrets.store(PREFIX + vendor, token);
  }

  delete(vendor: VendorId): Thenable<void> {
    return this.secrets.delete(PREFIX + vendor);
  }

  async vendorsWithTokens(): Promise<VendorId[]> {
    const present = await Promise.all(VENDOR_IDS.map(async (vendor) => ((await this.get(vendor)) ? vendor : undefined)));
    return present.filter((vendor): vendor is VendorId => vendor !== undefined);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
