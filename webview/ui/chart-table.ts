// A chart and the same numbers as a table, in one card. The table opens with a toggle (its state is
// kept), and is what export writes: chart, table and export never disagree.
import * as l10n from '@vscode/l10n';
import type { Table } from '../../src/panel/protocol-data';
import { BarChart, type BarSeries } from '../charts/bar-chart';
import { h, uniqueId } from '../dom';
import type { TimeFormat } from '../shape/cells';
import { button } from '../toolkit/controls';
import type { Card } from './card';
import { PagedGrid } from './paged-grid';

export interface ChartTableOptions {
  chartLabel: string;
  horizontal: boolean;
  stacked: boolean;
  tableOpen: boolean;
  onTableToggle(open: boolean): void;
  time?: TimeFormat;
}

export interface ChartModel {
  labels: string[];
  series: BarSeries[];
  hidden?: ReadonlySet<string>;
  table: Table;
}

export class ChartTable {
  readonly chart: BarChart;
  private readonly grid: PagedGrid;
  private readonly tableRegion: HTMLElement;
  private readonly toggle: HTMLElement;
  private open: boolean;
  private model: ChartModel | undefined;

  constructor(
    private readonly card: Card,
    private readonly options: ChartTableOptions,
  ) {
    this.open = options.tableOpen;
    this.chart = new BarChart({ label: options.chartLabel, horizontal: options.horizontal, stacked: options.stacked });
    this.grid = new PagedGrid({ label: options.chartLabel.replace(/^(Stacked )?bar chart of /i, ''), sortable: false, ...(options.time ? { time: options.time } : {}) });
    const regionId = uniqueId('table');
    this.tableRegion = h('div', { className: 'table-region', attrs: { id: regionId }, children: [this.grid.element] });
    this.toggle = button('', () => this.setOpen(!this.open), { appearance: 'secondary' });
    this.toggle.setAttribute('aria-controls', regionId);
    this.toggle.classList.add('table-toggle');
    card.actions.append(this.toggle);
    card.body.append(this.chart.element, this.tableRegion);
    this.updateToggle();
  }

  /** Draws the chart (and the table when open); returns the chart's render time in ms. */
  render(model: ChartModel): number {
    this.model = model;
    const ms = this.chart.render(model.labels, model.series, model.hidden);
    if (this.open) this.grid.show(model.table);
    return ms;
  }

  /** The table behind the chart: what export writes for this card. */
  table(): Table | undefined {
    return this.model?.table;
  }

  restyle(): void {
    this.chart.restyle();
  }

  private setOpen(open: boolean): void {
    this.open = open;
    this.updateToggle();
    if (open && this.model) this.grid.show(this.model.table);
    this.options.onTableToggle(open);
  }

  private updateToggle(): void {
    this.toggle.textContent = this.open ? l10n.t('Hide table') : l10n.t('Show table');
    this.toggle.setAttribute('aria-expanded', String(this.open));
    this.tableRegion.toggleAttribute('hidden', !this.open);
    this.card.element.classList.toggle('table-open', this.open);
  }
}
