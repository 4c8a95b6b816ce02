// "Requests per day" for a Cryptolens product (issue 14): successful and failed requests per UTC day
// over a range (last 7 / 30 / 90 days or custom), with active keys, devices and customers.
import * as l10n from '@vscode/l10n';
import { DAILY_PRESETS, type DailyParams, type DailyPreset } from '../../src/panel/protocol-activity';
import type { Table } from '../../src/panel/protocol-data';
import { h } from '../dom';
import { dailyTable, dailyTiles } from '../shape/activity-tables';
import { FAILURE_COLOR, NEUTRAL_COLOR, SUCCESS_COLOR, OUTCOME_COLORS } from '../shape/outcomes';
import { dayText } from '../shape/time';
import { dropdown } from '../toolkit/controls';
import { Card } from '../ui/card';
import { ChartTable } from '../ui/chart-table';
import { dateInput, labelled } from '../ui/date-field';
import { tiles } from '../ui/tiles';
import type { ViewContext } from '../view';
import { Section } from './activity-section';

const presetLabel = (preset: DailyPreset): string =>
  preset === 'last7' ? l10n.t('Last 7 days') : preset === 'last30' ? l10n.t('Last 30 days') : preset === 'last90' ? l10n.t('Last 90 days') : l10n.t('Custom (UTC days)');

/** A Cryptolens product: requests per UTC day over a range, with active keys, devices and customers. */
export class DailySection extends Section {
  readonly elements: HTMLElement[];
  private readonly requestsCard: Card;
  private readonly activeCard: Card;
  private readonly requestsChart: ChartTable;
  private readonly activeChart: ChartTable;
  private readonly summary = h('div', { className: 'summary activity-summary' });
  private readonly message = h('p', { className: 'range-message', attrs: { role: 'status', 'aria-live': 'polite', hidden: '' } });
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly custom: HTMLElement;
  private preset: DailyPreset;
  private range: string | undefined;

  constructor(context: ViewContext) {
    const requestsCard = new Card(l10n.t('Requests per day'), 'requests-per-day');
    const activeCard = new Card(l10n.t('Active keys, devices and customers per day'), 'active-per-day');
    super(context, [requestsCard, activeCard]);
    this.requestsCard = requestsCard;
    this.activeCard = activeCard;
    // The range chosen before a window reload or Keyscope: Refresh (issue 14); last 30 days at first.
    const saved = context.state.get().daily;
    this.preset = saved?.preset ?? 'last30';
    this.requestsChart = new ChartTable(requestsCard, {
      chartLabel: l10n.t('Stacked bar chart of successful and failed requests per day'),
      horizontal: false,
      stacked: true,
      tableOpen: context.state.tableOpen('requests-per-day'),
      onTableToggle: (open) => context.state.setTableOpen('requests-per-day', open),
    });
    this.activeChart = new ChartTable(activeCard, {
      chartLabel: l10n.t('Bar chart of active keys, devices and customers per day'),
      horizontal: false,
      stacked: false,
      tableOpen: context.state.tableOpen('active-per-day'),
      onTableToggle: (open) => context.state.setTableOpen('active-per-day', open),
    });
    const preset = dropdown(
      l10n.t('Range'),
      DAILY_PRESETS.map((value) => ({ value, label: presetLabel(value) })),
      this.preset,
      (value) => {
        this.preset = value;
        if (value === 'custom' && (!this.from.value || !this.to.value)) {
          const today = Date.now();
          this.to.value = dayText(today);
          this.from.value = dayText(today - 29 * 86_400_000);
        }
        this.sync();
        this.save();
        this.reload();
      },
    );
    this.from = dateInput(l10n.t('From (UTC)'), saved?.from);
    this.to = dateInput(l10n.t('To (UTC)'), saved?.to);
    for (const input of [this.from, this.to]) {
      input.addEventListener('change', () => {
        this.save();
        this.reload();
      });
    }
    this.custom = h('div', { className: 'custom-range', children: [labelled(l10n.t('From (UTC)'), this.from), labelled(l10n.t('To (UTC)'), this.to)] });
    requestsCard.controls.append(preset.element, this.custom, this.message);
    requestsCard.body.prepend(this.summary);
    this.elements = [requestsCard.element, activeCard.element];
    this.sync();
  }

  reload(): void {
    const params: DailyParams = this.preset === 'custom' ? { preset: 'custom', start: this.from.value, end: this.to.value } : { preset: this.preset };
    if (this.preset === 'custom' && (!this.from.value || !this.to.value || this.from.value > this.to.value)) {
      this.say(this.from.value > this.to.value ? l10n.t('The start date is after the end date.') : l10n.t('Pick both dates.'));
      return;
    }
    this.say('');
    this.run(() => this.context.request('cryptolens.daily', params), (result) => this.show(result.points, result.range), l10n.t('usage analytics (Usage Analytics permission)'));
  }

  private show(points: Parameters<typeof dailyTable>[0], range: { start: string; end: string; days: number }): void {
    this.range = l10n.t('Requests per day: {0} to {1} (UTC days, both included)', range.start, range.end);
    this.summary.replaceChildren(tiles(dailyTiles(points)));
    const labels = points.map((point) => point.date);
    const table = dailyTable(points);
    this.requestsCard.ready();
    this.requestsCard.setNote(l10n.t('{0} – {1} (UTC). Days without requests show as zero.', range.start, range.end));
    this.requestsChart.render({
      labels,
      table,
      series: [
        { key: 'successful', label: l10n.t('Successful'), color: SUCCESS_COLOR, values: points.map((point) => point.successful) },
        { key: 'failed', label: l10n.t('Failed'), color: FAILURE_COLOR, values: points.map((point) => point.failed) },
      ],
    });
    if (points.every((point) => point.total === 0)) {
      this.activeCard.empty(l10n.t('No requests from {0} to {1}.', range.start, range.end));
      this.requestsCard.setNote(l10n.t('No requests from {0} to {1} (UTC): every day is zero.', range.start, range.end));
      return;
    }
    this.activeCard.ready();
    this.activeChart.render({
      labels,
      table: { name: l10n.t('Active per day'), columns: [table.columns[0], ...table.columns.slice(4)].filter((column) => column !== undefined), rows: table.rows.map((row) => [row[0] ?? null, ...row.slice(4)]) },
      series: [
        { key: 'activeKeys', label: l10n.t('Active keys'), color: NEUTRAL_COLOR, values: points.map((point) => point.activeKeys) },
        { key: 'activeDevices', label: l10n.t('Active devices'), color: OUTCOME_COLORS.usageExceeded, values: points.map((point) => point.activeDevices) },
        { key: 'activeCustomers', label: l10n.t('Active customers'), color: OUTCOME_COLORS.rateLimited, values: points.map((point) => point.activeCustomers) },
      ],
    });
  }

  tables(): Table[] {
    const out: Table[] = [];
    for (const [card, chart] of [[this.requestsCard, this.requestsChart], [this.activeCard, this.activeChart]] as const) {
      const table = chart.table();
      if (card.showsData && table) out.push(table);
    }
    return out;
  }

  notes(): string[] {
    return this.range && this.requestsCard.showsData ? [this.range] : [];
  }

  restyle(): void {
    this.requestsChart.restyle();
    this.activeChart.restyle();
  }

  private save(): void {
    this.context.state.update({
      daily: { preset: this.preset, ...(this.from.value ? { from: this.from.value } : {}), ...(this.to.value ? { to: this.to.value } : {}) },
    });
  }

  private say(text: string): void {
    this.message.textContent = text;
    this.message.classList.toggle('is-error', text !== '');
    this.message.toggleAttribute('hidden', text === '');
  }

  private sync(): void {
    this.custom.toggleAttribute('hidden', this.preset !== 'custom');
    this.from.max = dayText(Date.now());
    this.to.max = dayText(Date.now());
  }
}
