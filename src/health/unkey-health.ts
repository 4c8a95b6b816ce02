// An Unkey key's health from its listing (enabled, expiry, credits) and its last 24 hours of
// verification outcomes. The thresholds are the Unkey dashboard's (note 2 §2): strictly more than 10%.
import * as l10n from '@vscode/l10n';
import { formatCount, formatRate } from '../text/format';
import type { ApiKeyCredits } from '../vendors/credits';
import type { ApiKey, Outcome, OutcomeCounts } from '../vendors/model';
import { expiryState } from './expiry';
import type { HealthOptions } from './options';
import { pick, type KeyHealth, type UnkeyStatus } from './status';
import { count, verificationsText } from './wording';

export interface UnkeyHealthInput {
  key: Pick<ApiKey, 'enabled' | 'expiresAt' | 'credits'>;
  /** Outcome counts of the last 24 hours; undefined when they could not be read (rates go unchecked). */
  last24h?: OutcomeCounts;
}

function outcomeWord(outcome: Outcome): string {
  switch (outcome) {
    case 'valid':
      return l10n.t('valid');
    case 'rateLimited':
      return l10n.t('rate limited');
    case 'usageExceeded':
      return l10n.t('usage exceeded');
    case 'disabled':
      return l10n.t('disabled');
    case 'expired':
      return l10n.t('expired');
    case 'forbidden':
      return l10n.t('forbidden');
    case 'unauthorized':
      return l10n.t('unauthorized');
    case 'notFound':
      return l10n.t('not found');
    case 'insufficientPermissions':
      return l10n.t('insufficient permissions');
  }
}
const OUTCOME_ORDER: readonly Outcome[] = ['valid', 'rateLimited', 'usageExceeded', 'disabled', 'expired', 'forbidden', 'unauthorized', 'notFound', 'insufficientPermissions'];

export function unkeyHealth(input: UnkeyHealthInput, options: HealthOptions): KeyHealth<UnkeyStatus> {
  const { key, last24h } = input;
  const expiry = expiryState(key.expiresAt, options);
  const credits = limitedCredits(key.credits);
  const holds: Array<{ status: UnkeyStatus; reason: string }> = [];
  if (!key.enabled) holds.push({ status: 'Disabled', reason: l10n.t('disabled, so every verification of it fails') });
  if (expiry.kind === 'expired') holds.push({ status: 'Expired', reason: expiry.text });
  if (credits && isLow(credits)) holds.push({ status: 'Low credits', reason: creditsText(credits) });
  const total = last24h?.total ?? 0;
  if (last24h && overTenPercent(last24h.rateLimited, total)) {
    holds.push({ status: 'Rate limited', reason: l10n.t('{0} rate limited in the last 24 h ({1} of {2})', formatRate(last24h.rateLimited, total), formatCount(last24h.rateLimited), verificationsText(total)) });
  }
  if (expiry.kind === 'soon') holds.push({ status: 'Expires soon', reason: expiry.text });
  if (last24h && overTenPercent(total - last24h.valid, total)) holds.push({ status: 'Elevated rejections', reason: rejectionsText(last24h) });

  const active = [l10n.t('enabled')];
  if (credits) active.push(creditsText(credits));
  if (expiry.kind === 'later') active.push(expiry.text);
  if (last24h) active.push(total === 0 ? l10n.t('no verifications in the last 24 h') : l10n.t('{0} in the last 24 h, {1} rejected', verificationsText(total), formatRate(total - last24h.valid, total)));
  const health = pick(holds, { status: 'Active', reason: active.join('; ') });
  return last24h ? health : { ...health, caveat: l10n.t('Rate limits and rejections were not checked: no verification counts for the last 24 hours.') };
}

/** Strictly more than 10%, in integers: exactly 10% is not over. */
function overTenPercent(part: number, total: number): boolean {
  return total > 0 && part * 10 > total;
}

/** Credits that can run out; null or absent remaining means unlimited. */
function limitedCredits(credits: ApiKeyCredits | undefined): { remaining: number; refill?: ApiKeyCredits['refill'] } | undefined {
  if (!credits || credits.remaining === null || credits.remaining === undefined) return undefined;
  return credits.refill ? { remaining: credits.remaining, refill: credits.refill } : { remaining: credits.remaining };
}

function isLow(credits: { remaining: number; refill?: ApiKeyCredits['refill'] }): boolean {
  if (credits.remaining <= 0) return true;
  const amount = credits.refill?.amount ?? 0;
  return amount > 0 && credits.remaining * 10 < amount;
}

/** "0 credits left of 1,000 a month", "40 credits left of 1,000 a day", "0 credits left". */
function creditsText(credits: { remaining: number; refill?: ApiKeyCredits['refill'] }): string {
  const left = count(credits.remaining, l10n.t('1 credit left'), l10n.t('{0} credits left'));
  const refill = credits.refill;
  if (!refill) return left;
  const amount = formatCount(refill.amount);
  if (refill.interval === 'daily') return l10n.t('{0} of {1} a day', left, amount);
  if (refill.interval === 'monthly') return l10n.t('{0} of {1} a month', left, amount);
  return l10n.t('{0} of {1} each refill', left, amount);
}

/** "14% rejected in the last 24 h (140 of 1,000 verifications), most often usage exceeded". */
function rejectionsText(counts: OutcomeCounts): string {
  const rejected = counts.total - counts.valid;
  let worst: Outcome | undefined;
  for (const outcome of OUTCOME_ORDER) {
    if (outcome === 'valid' || counts[outcome] <= 0) continue;
    if (worst === undefined || counts[outcome] > counts[worst]) worst = outcome;
  }
  const text = l10n.t('{0} rejected in the last 24 h ({1} of {2})', formatRate(rejected, counts.total), formatCount(rejected), verificationsText(counts.total));
  return worst === undefined ? text : l10n.t('{0}, most often {1}', text, outcomeWord(worst));
}
