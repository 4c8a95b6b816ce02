// Sorting table rows by a column: numbers numerically, text by locale, empty cells always last.
import type { Cell, Table } from '../../src/panel/protocol-data';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  column: string;
  direction: SortDirection;
}

function compareCells(a: Cell, b: Cell): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true, sensitivity: 'base' });
}

export function sortTable(table: Table, sort: SortState | undefined): Table {
  const index = sort ? table.columns.findIndex((column) => column.key === sort.column) : -1;
  if (!sort || index < 0) return table;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const rows = [...table.rows].sort((left, right) => {
    const a = left[index] ?? null;
    const b = right[index] ?? null;
    if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
    return compareCells(a, b) * sign;
  });
  return { ...table, rows };
}

/** Clicking the sorted column flips it; another column starts descending for numbers and times. */
export function nextSort(current: SortState | undefined, column: string, numeric: boolean): SortState {
  if (current?.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: numeric ? 'descending' : 'ascending' };
}
