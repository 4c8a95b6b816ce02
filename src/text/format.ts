// How numbers and times read in the tree, tooltips, hovers and lookups.
import * as l10n from '@vscode/l10n';

const COUNT = new Intl.NumberFormat('en-US');

export function formatCount(value: number): string {
  return COUNT.format(value);
}

/** "93.8%", or "—" when nothing was counted. */
export function formatRate(part: number, whole: number): string {
  if (whole <= 0) return '—';
  return `${((part / whole) * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** "2025-05-26 00:00 UTC": unambiguous wherever the reader is. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return l10n.t('never');
  const date = new Date(ms);
  // A vendor can send any number; Date only holds ±8.64e15 ms, and toISOString throws beyond it.
  if (Number.isNaN(date.getTime())) return l10n.t('unknown');
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
