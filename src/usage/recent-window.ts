const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The last `days` days, ending at the start of the current hour: whole hours keep cache keys stable
 * within the hour and match the vendor's own hour truncation.
 */
export function lastDays(days: number, now: number = Date.now()): { start: number; end: number } {
  const end = Math.floor(now / HOUR_MS) * HOUR_MS;
  return { start: end - days * DAY_MS, end };
}
