// A data grid shown a page at a time: a few hundred toolkit cells render fast, thousands do not.
// Paging changes only what is on screen; sorting and a filter change what is shown, every page of
// it, and that is what shown() (and so export) gives.
import * as l10n from '@vscode/l10n';
import type { Cell, Table } from '../../src/panel/protocol-data';
import { h } from '../dom';
import { displayRows, type TimeFormat } from '../shape/cells';
import { nextSort, sortTable, type SortState } from '../shape/sort';
import { button } from '../toolkit/controls';
import { dataGrid, type GridColumn } from '../toolkit/grid';

export const PAGE_SIZE = 100;

export interface PagedGridOptions {
  label: string;
  sortable: boolean;
  /** Called with the new order, to keep it (saved state); the grid re-sorts itself. */
  onSort?(sort: SortState): void;
  /** Enter or double click on a row of the (sorted) table. */
  onActivate?(row: readonly (string | number | null)[]): void;
  /** A row to mark, e.g. the key the panel was opened for. */
  isHighlighted?(row: readonly (string | number | null)[]): boolean;
  time?: TimeFormat;
  /** A tooltip for one cell, by its row's index in the whole (sorted) table. */
  cellTitle?(tableRowIndex: number, columnIndex: number): string | undefined;
}

export class PagedGrid {
  readonly element: HTMLElement;
  private table: Table | undefined;
  private sorted: Table | undefined;
  private sort: SortState | undefined;
  private filter: ((row: readonly Cell[]) => boolean) | undefined;
  private page = 0;

  constructor(private readonly options: PagedGridOptions) {
    this.element = h('div', { className: 'paged-grid' });
  }

  show(table: Table, sort?: SortState): void {
    this.table = table;
    this.sort = sort ?? this.sort;
    this.sorted = this.arrange(table);
    this.page = 0;
    this.draw();
  }

  /** Shows only the rows the filter keeps (every row again with undefined). */
  setFilter(filter: ((row: readonly Cell[]) => boolean) | undefined): void {
    this.filter = filter;
    if (!this.table) return;
    this.sorted = this.arrange(this.table);
    this.page = 0;
    this.draw();
  }

  /** The rows shown (filtered) in the order shown (sorted), every page. */
  shown(): Table | undefined {
    return this.sorted;
  }

  private draw(): void {
    const table = this.sorted;
    if (!table) return;
    const pages = Math.max(1, Math.ceil(table.rows.length / PAGE_SIZE));
    this.page = Math.min(this.page, pages - 1);
    const first = this.page * PAGE_SIZE;
    const rows = table.rows.slice(first, first + PAGE_SIZE);
    const display = displayRows({ ...table, rows }, this.options.time);
    const columns: GridColumn[] = table.columns.map((column) => ({
      key: column.key,
      label: column.label,
      className: column.kind === 'text' ? 'text' : column.kind === 'time' ? 'time' : 'num',
      width: column.kind === 'text' ? 'minmax(14ch, 2fr)' : column.kind === 'time' ? 'minmax(19ch, 1.3fr)' : 'minmax(16ch, 1fr)',
    }));
    const highlight = this.options.isHighlighted ? rows.findIndex((row) => this.options.isHighlighted?.(row)) : -1;
    const grid = dataGrid({
      label: this.options.label,
      columns,
      rows: display,
      ...(this.sort ? { sort: this.sort } : {}),
      ...(this.options.sortable ? { onSort: (column: string) => this.resort(column) } : {}),
      ...(this.options.onActivate ? { onActivate: (index: number) => this.activate(rows[index]) } : {}),
      ...(highlight >= 0 ? { highlightRow: highlight } : {}),
      ...(this.options.cellTitle ? { cellTitle: (index: number, column: number) => this.options.cellTitle?.(first + index, column) } : {}),
    });
    const children: HTMLElement[] = [grid];
    if (pages > 1) children.push(this.pager(first, rows.length, table.rows.length, pages));
    this.element.replaceChildren(...children);
  }

  private pager(first: number, shown: number, total: number, pages: number): HTMLElement {
    const previous = button(l10n.t('Previous'), () => this.turn(-1), { ariaLabel: l10n.t('Previous rows') });
    const next = button(l10n.t('Next'), () => this.turn(1), { ariaLabel: l10n.t('Next rows') });
    previous.toggleAttribute('disabled', this.page === 0);
    next.toggleAttribute('disabled', this.page >= pages - 1);
    const position = l10n.t('Rows {0}–{1} of {2}', (first + 1).toLocaleString('en-US'), (first + shown).toLocaleString('en-US'), total.toLocaleString('en-US'));
    return h('div', { className: 'pager', children: [h('span', { className: 'pager-position', text: position, attrs: { 'aria-live': 'polite' } }), previous, next] });
  }

  private turn(step: number): void {
    this.page += step;
    this.draw();
  }

  private resort(columnKey: string): void {
    if (!this.table) return;
    const column = this.table.columns.find((candidate) => candidate.key === columnKey);
    this.sort = nextSort(this.sort, columnKey, column?.kind !== 'text');
    this.options.onSort?.(this.sort);
    this.sorted = this.arrange(this.table);
    this.page = 0;
    this.draw();
    // Keep the keyboard where it was: on the header cell just used.
    const position = this.table.columns.findIndex((candidate) => candidate.key === columnKey) + 1;
    this.element.querySelector<HTMLElement>(`vscode-data-grid-row[row-type="header"] vscode-data-grid-cell:nth-child(${position})`)?.focus();
  }

  private arrange(table: Table): Table {
    const sorted = sortTable(table, this.sort);
    const filter = this.filter;
    return filter ? { ...sorted, rows: sorted.rows.filter((row) => filter(row)) } : sorted;
  }

  private activate(row: readonly (string | number | null)[] | undefined): void {
    if (row) this.options.onActivate?.(row);
  }
}
