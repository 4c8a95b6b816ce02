// Each connected vendor's health as the status bar shows it: the latest call's outcome, and a
// cooldown while it lasts. No VS Code here, so unit tests run it under plain Node.
import * as l10n from '@vscode/l10n';
import { InvalidRequestError, NotFoundError } from '../http/errors';
import { VENDOR_IDS, VENDOR_NAMES, type VendorId } from '../vendor-id';
import { CoolingDownError, whenText } from './cooldown';
import { describeError } from './describe-error';
import type { Settled } from './usage-service';

type Outcome = { kind: 'ok' } | { kind: 'cooling'; until: number } | { kind: 'failed'; summary: string };

export interface StatusSummary {
  /** True when any connected vendor is cooling down or its latest call failed. */
  warning: boolean;
  /** One line per connected vendor, in the usual vendor order. */
  lines: string[];
}

export class VendorStatus {
  private readonly outcomes = new Map<VendorId, Outcome>();

  /** Records a vendor call's outcome. */
  settled(settled: Settled): void {
    // "No such key" and a request refused before sending say nothing about the vendor's health.
    const answered = settled.ok || settled.error instanceof NotFoundError || settled.error instanceof InvalidRequestError;
    if (answered) this.outcomes.set(settled.vendor, { kind: 'ok' });
    else if (settled.error instanceof CoolingDownError) this.outcomes.set(settled.vendor, { kind: 'cooling', until: settled.error.until });
    else this.outcomes.set(settled.vendor, { kind: 'failed', summary: describeError(settled.error) });
  }

  /** A vendor's token changed or was removed: what was known about it no longer holds. */
  forget(vendor?: VendorId): void {
    if (vendor) this.outcomes.delete(vendor);
    else this.outcomes.clear();
  }

  /** The end of the earliest cooldown still running, for redrawing when it ends. */
  nextCooldownEnd(now: number): number | undefined {
    const ends = [...this.outcomes.values()].flatMap((outcome) => (outcome.kind === 'cooling' && outcome.until > now ? [outcome.until] : []));
    return ends.length > 0 ? Math.min(...ends) : undefined;
  }

  summary(connected: readonly VendorId[], now: number): StatusSummary {
    let warning = false;
    const lines = VENDOR_IDS.filter((vendor) => connected.includes(vendor)).map((vendor) => {
      const name = VENDOR_NAMES[vendor];
      const outcome = this.outcomes.get(vendor);
      if (outcome?.kind === 'cooling' && outcome.until > now) {
        warning = true;
        return l10n.t('{0}: rate limited, try again {1}', name, whenText(outcome.until, now));
      }
      if (outcome?.kind === 'failed') {
        warning = true;
        // describeError names the vendor first ("Runtype: HTTP 502 …"); say it once.
        return outcome.summary.startsWith(`${name}:`) ? outcome.summary : l10n.t('{0}: {1}', name, outcome.summary);
      }
      return l10n.t('{0}: connected', name);
    });
    return { warning, lines };
  }
}
