// Plain words for spans of time and counts, as health reasons use them: "3 days ago", "in 5 hours".
import { formatCount } from '../text/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days", "1 hour", "40 minutes", "less than a minute": whole units, rounded down. */
export function spanText(ms: number): string {
  const span = Math.abs(ms);
  if (span >= DAY) return plural(Math.floor(span / DAY), 'day');
  if (span >= HOUR) return plural(Math.floor(span / HOUR), 'hour');
  if (span >= MINUTE) return plural(Math.floor(span / MINUTE), 'minute');
  return 'less than a minute';
}

/** "1 credit", "1,000 credits". */
export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}
