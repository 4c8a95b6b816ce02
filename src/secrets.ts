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
  /**
   * Reads kept until the secret changes. A SecretStorage read is a round trip from the extension
   * host to the workbench, and every vendor call (each panel request, each hover) starts with one;
   * while a panel opens the workbench is busy, and that trip cost up to a second (issue 16).
   */
  private readonly reads = new Map<VendorId, Promise<string | undefined>>();

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((event) => {
      const vendor = event.key.startsWith(PREFIX) ? event.key.slice(PREFIX.length) : undefined;
      if (!isVendorId(vendor)) return;
      this.reads.delete(vendor);
      this.changed.fire(vendor);
    });
  }

  get(vendor: VendorId): Thenable<string | undefined> {
    let read = this.reads.get(vendor);
    if (!read) {
      read = Promise.resolve(this.secrets.get(PREFIX + vendor));
      this.reads.set(vendor, read);
      // A failed read is not kept: the next call asks SecretStorage again.
      read.catch(() => {
        if (this.reads.get(vendor) === read) this.reads.delete(vendor);
      });
    }
    return read;
  }

  async set(vendor: VendorId, token: string): Promise<void> {
    this.reads.delete(vendor);
    try {
      await this.secrets.store(PREFIX + vendor, token);
    } finally {
      this.reads.delete(vendor);
    }
  }

  async delete(vendor: VendorId): Promise<void> {
    this.reads.delete(vendor);
    try {
      await this.secrets.delete(PREFIX + vendor);
    } finally {
      this.reads.delete(vendor);
    }
  }

  async vendorsWithTokens(): Promise<VendorId[]> {
    const present = await Promise.all(VENDOR_IDS.map(async (vendor) => ((await this.get(vendor)) ? vendor : undefined)));
    return present.filter((vendor): vendor is VendorId => vendor !== undefined);
  }

  dispose(): void {
    this.reads.clear();
    this.subscription.dispose();
    this.changed.dispose();
  }
}
