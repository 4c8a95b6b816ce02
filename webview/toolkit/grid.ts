// A keyboard-navigable data grid (arrow keys, Home/End, Page Up/Down) built from toolkit elements.
// Cells are filled with textContent only. Sorting is the caller's: header cells report clicks and
// Enter/Space, and show the current order with aria-sort.
import { h } from '../dom';

export type SortDirection = 'ascending' | 'descending';

export interface GridColumn {
  key: string;
  label: string;
  /** A class for the column's cells (e.g. "num" to right-align counts). */
  className?: string;
  /** CSS grid track, e.g. "minmax(12ch, 2fr)". */
  width: string;
}

export interface GridOptions {
  label: string;
  columns: readonly GridColumn[];
  /** Already formatted, in display order. */
  rows: readonly (readonly string[])[];
  sort?: { column: string; direction: SortDirection };
  onSort?(column: string): void;
  /** Enter on a row's cell, or a double click: e.g. open that key. */
  onActivate?(rowIndex: number): void;
  /** Marks one row (e.g. the key the panel was opened for). */
  highlightRow?: number;
  /** A tooltip for one cell (e.g. an event's raw state code); set as the title attribute, as text. */
  cellTitle?(rowIndex: number, columnIndex: number): string | undefined;
}

export function dataGrid(options: GridOptions): HTMLElement {
  const grid = h('vscode-data-grid', {
    className: 'grid',
    attrs: {
      'aria-label': options.label,
      'generate-header': 'none',
      'grid-template-columns': options.columns.map((column) => column.width).join(' '),
    },
  });
  grid.append(headerRow(options));
  options.rows.forEach((row, index) => grid.append(dataRow(options, row, index)));
  return grid;
}

function headerRow(options: GridOptions): HTMLElement {
  const row = h('vscode-data-grid-row', { attrs: { 'row-type': 'header' } });
  options.columns.forEach((column, index) => {
    const cell = h('vscode-data-grid-cell', {
      className: column.className,
      attrs: { 'cell-type': 'columnheader', 'grid-column': String(index + 1), title: column.label },
    });
    cell.append(h('span', { text: column.label }));
    if (options.onSort) {
      const sorted = options.sort?.column === column.key ? options.sort.direction : undefined;
      cell.setAttribute('aria-sort', sorted ?? 'none');
      cell.classList.add('sortable');
      cell.append(h('span', { className: 'sort-indicator', text: sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : '', attrs: { 'aria-hidden': 'true' } }));
      const sort = options.onSort;
      cell.addEventListener('click', () => sort(column.key));
      cell.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sort(column.key);
        }
      });
    }
    row.append(cell);
  });
  return row;
}

function dataRow(options: GridOptions, values: readonly string[], rowIndex: number): HTMLElement {
  const row = h('vscode-data-grid-row', { className: rowIndex === options.highlightRow ? 'highlight' : undefined });
  values.forEach((value, index) => {
    const column = options.columns[index];
    const title = options.cellTitle?.(rowIndex, index);
    row.append(
      h('vscode-data-grid-cell', {
        className: column?.className,
        text: value,
        attrs: { 'grid-column': String(index + 1), ...(title !== undefined ? { title } : {}) },
      }),
    );
  });
  if (options.onActivate) {
    const activate = options.onActivate;
    row.classList.add('activatable');
    row.addEventListener('dblclick', () => activate(rowIndex));
    row.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') activate(rowIndex);
    });
  }
  return row;
}
