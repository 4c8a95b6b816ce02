import * as vscode from 'vscode';
import { BASE_URL_SETTING } from './destination-settings';
import { plainText } from '../text/untrusted';
import { VENDOR_NAMES, type VendorId } from '../vendor-id';
import type { OriginConsent } from './destination';

const ALLOWED_KEY = 'keyscope.allowedOrigins';

/** The user did not allow the vendor's token to go to this origin: nothing was sent. */
export class TokenNotSentError extends Error {
  readonly setting: string;
  constructor(
    readonly vendor: VendorId,
    readonly origin: string,
  ) {
    super(vscode.l10n.t('{0}: token not sent to {1}. Review the setting {2}.', VENDOR_NAMES[vendor], plainText(origin), BASE_URL_SETTING[vendor]));
    this.name = 'TokenNotSentError';
    this.setting = BASE_URL_SETTING[vendor];
  }
}

/**
 * "Send your Unkey token to https://unkey.example.com?" — asked once per vendor and origin, in a modal.
 * Allow is remembered in global state (the origin, never a token); Cancel holds for this window
 * until the user refreshes, so a burst of hovers asks once and a declined origin is not asked again
 * behind the user's back. One question per vendor and origin is open at a time.
 */
export class ModalOriginConsent implements OriginConsent {
  private readonly declined = new Set<string>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly state: vscode.Memento) {}

  async confirm(vendor: VendorId, origin: string): Promise<void> {
    const key = `${vendor} ${origin}`;
    if (this.allowed().includes(key)) return;
    if (this.declined.has(key)) throw new TokenNotSentError(vendor, origin);
    let question = this.asking.get(key);
    if (!question) {
      question = this.ask(vendor, origin).finally(() => this.asking.delete(key));
      this.asking.set(key, question);
    }
    if (await question) return;
    throw new TokenNotSentError(vendor, origin);
  }

  /** Declined origins may be asked about again (the user asked for a refresh). */
  forgetDeclined(): void {
    this.declined.clear();
  }

  private async ask(vendor: VendorId, origin: string): Promise<boolean> {
    const key = `${vendor} ${origin}`;
    const name = VENDOR_NAMES[vendor];
    const allow = vscode.l10n.t('Allow');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Send your {0} token to {1}?', name, plainText(origin)),
      {
        modal: true,
        detail: vscode.l10n.t(
          "The setting {0} points there instead of {1}'s own API. Allow only a server you trust with this token; Keyscope remembers the answer for this origin.",
          BASE_URL_SETTING[vendor],
          name,
        ),
      },
      allow,
    );
    if (answer !== allow) {
      this.declined.add(key);
      return false;
    }
    await this.state.update(ALLOWED_KEY, [...this.allowed(), key]);
    return true;
  }

  private allowed(): string[] {
    const stored = this.state.get<unknown>(ALLOWED_KEY, []);
    return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string') : [];
  }
}
