// The table `npm run bench` prints: one row per figure, its budget beside it, and a flag when over.
import { formatNumber, type Figure } from './figure';

const HEADERS = ['#', 'figure', 'value', 'budget', ''] as const;

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map((item) => [
    item.section,
    item.name,
    `${formatNumber(item.value)} ${item.unit}`.trim(),
    item.budget?.text ?? '',
    item.budget ? (item.over ? 'OVER' : 'ok') : '',
  ]);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

/** The notes under the table: how each figure was measured and why any is over budget. */
export function renderNotes(figures: readonly Figure[]): string {
  return figures
    .filter((item) => item.note)
    .map((item) => `${item.over ? '[OVER] ' : ''}${item.section} ${item.name}: ${item.note ?? ''}`)
    .join('\n');
}
