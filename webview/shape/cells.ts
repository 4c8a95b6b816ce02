// Table cells as a person reads them; the raw values stay in the Table for export.
import { formatCount } from '../../src/text/format';
import type { Cell, Column, Table } from '../../src/panel/protocol-data';

export type TimeFormat = (ms: number) => string;

/** "2025-01-13 09:00" (UTC): the default for first/last seen and last use. */
export function minuteLabel(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

export function displayCell(column: Column, cell: Cell, time: TimeFormat = minuteLabel): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  switch (column.kind) {
    case 'count':
      return formatCount(cell);
    case 'percent':
      return `${(Math.round(cell * 10) / 10).toFixed(1).replace(/\.0$/, '')}%`;
    case 'time':
      return time(cell);
    case 'text':
      return String(cell);
  }
}

export function displayRows(table: Table, time?: TimeFormat): string[][] {
  return table.rows.map((row) => row.map((cell, index) => displayCell(table.columns[index] ?? { key: '', label: '', kind: 'text' }, cell, time)));
}

/** Success rate in percent, or null when nothing was counted. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}
