// An Unkey key's health from its listing (enabled, expiry, credits) and its last 24 hours of
// verification outcomes. The thresholds are the Unkey dashboard's (note 2 §2): strictly more than 10%.
import { formatCount, formatRate } from '../text/format';
import type { ApiKeyCredits } from '../vendors/credits';
import type { ApiKey, Outcome, OutcomeCounts } from '../vendors/model';
import { expiryState } from './expiry';
import type { HealthOptions } from './options';
import { pick, type KeyHealth, type UnkeyStatus } from './status';
import { plural } from './wording';

export interface UnkeyHealthInput {
  key: Pick<ApiKey, 'enabled' | 'expiresAt' | 'credits'>;
  /** Outcome counts of the last 24 hours; undefined when they could not be read (rates go unchecked). */
  last24h?: OutcomeCounts;
}

const OUTCOME_WORDS: Record<Outcome, string> = {
  valid: 'valid',
  rateLimited: 'rate limited',
  usageExceeded: 'usage exceeded',
  disabled: 'disabled',
  expired: 'expired',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  notFound: 'not found',
  insufficientPermissions: 'insufficient permissions',
};

export function unkeyHealth(input: UnkeyHealthInput, options: HealthOptions): KeyHealth<UnkeyStatus> {
  const { key, last24h } = input;
  const expiry = expiryState(key.expiresAt, options);
  const credits = limitedCredits(key.credits);
  const holds: Array<{ status: UnkeyStatus; reason: string }> = [];
  if (!key.enabled) holds.push({ status: 'Disabled', reason: 'disabled, so every verification of it fails' });
  if (expiry.kind === 'expired') holds.push({ status: 'Expired', reason: expiry.text });
  if (credits && isLow(credits)) holds.push({ status: 'Low credits', reason: creditsText(credits) });
  const total = last24h?.total ?? 0;
  if (last24h && overTenPercent(last24h.rateLimited, total)) {
    holds.push({ status: 'Rate limited', reason: `${formatRate(last24h.rateLimited, total)} rate limited in the last 24 h (${formatCount(last24h.rateLimited)} of ${plural(total, 'verification')})` });
  }
  if (expiry.kind === 'soon') holds.push({ status: 'Expires soon', reason: expiry.text });
  if (last24h && overTenPercent(total - last24h.valid, total)) holds.push({ status: 'Elevated rejections', reason: rejectionsText(last24h) });

  const active = ['enabled'];
  if (credits) active.push(creditsText(credits));
  if (expiry.kind === 'later') active.push(expiry.text);
  if (last24h) active.push(total === 0 ? 'no verifications in the last 24 h' : `${plural(total, 'verification')} in the last 24 h, ${formatRate(total - last24h.valid, total)} rejected`);
  const health = pick(holds, { status: 'Active', reason: active.join('; ') });
  return last24h ? health : { ...health, caveat: 'Rate limits and rejections were not checked: no verification counts for the last 24 hours.' };
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
  const left = `${plural(credits.remaining, 'credit')} left`;
  const refill = credits.refill;
  if (!refill) return left;
  const every = refill.interval === 'daily' ? 'a day' : refill.interval === 'monthly' ? 'a month' : 'each refill';
  return `${left} of ${formatCount(refill.amount)} ${every}`;
}

/** "14% rejected in the last 24 h (140 of 1,000 verifications), most often usage exceeded". */
function rejectionsText(counts: OutcomeCounts): string {
  const rejected = counts.total - counts.valid;
  let worst: Outcome | undefined;
  for (const outcome of Object.keys(OUTCOME_WORDS) as Outcome[]) {
    if (outcome === 'valid' || counts[outcome] <= 0) continue;
    if (worst === undefined || counts[outcome] > counts[worst]) worst = outcome;
  }
  const most = worst === undefined ? '' : `, most often ${OUTCOME_WORDS[worst]}`;
  return `${formatRate(rejected, counts.total)} rejected in the last 24 h (${formatCount(rejected)} of ${plural(counts.total, 'verification')})${most}`;
}
