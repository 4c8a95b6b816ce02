// Plain words for spans of time and counts, as health reasons use them: "3 days ago", "in 5 hours".
import * as l10n from '@vscode/l10n';
import { formatCount } from '../text/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days", "1 hour", "40 minutes", "less than a minute": whole units, rounded down. */
export function spanText(ms: number): string {
  const span = Math.abs(ms);
  if (span >= DAY) return count(Math.floor(span / DAY), l10n.t('1 day'), l10n.t('{0} days'));
  if (span >= HOUR) return count(Math.floor(span / HOUR), l10n.t('1 hour'), l10n.t('{0} hours'));
  if (span >= MINUTE) return count(Math.floor(span / MINUTE), l10n.t('1 minute'), l10n.t('{0} minutes'));
  return l10n.t('less than a minute');
}

/** "1 credit", "1,000 credits": `one` when the count is 1, else `many` with the count for {0}. */
export function count(value: number, one: string, many: string): string {
  return value === 1 ? one : many.replace('{0}', formatCount(value));
}

export function verificationsText(value: number): string {
  return count(value, l10n.t('1 verification'), l10n.t('{0} verifications'));
}
