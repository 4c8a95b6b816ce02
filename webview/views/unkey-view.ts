// Unkey: verification outcomes per time slice (stacked bars) over a chosen range, a breakdown by
// key, identity, tag or tag combination (the top N by total), and a legend that hides outcomes.
import * as l10n from '@vscode/l10n';
import { BREAKDOWNS, STATUS_WORDS, type Breakdown, type Result } from '../../src/panel/protocol';
import { formatCount, formatRate } from '../../src/text/format';
import { addOutcomes, OUTCOMES, zeroOutcomes, type Outcome, type OutcomeCounts } from '../../src/vendors/model';
import type { BarSeries } from '../charts/bar-chart';
import { h } from '../dom';
import { aggregate, bucketLength, labelGranularity, type Aggregated } from '../shape/aggregate';
import { OUTCOME_COLORS, outcomeLabel } from '../shape/outcomes';
import type { Range } from '../shape/range';
import { sliceLabel } from '../shape/time';
import { breakdownLabel, breakdownTable, seriesTable } from '../shape/unkey-tables';
import { DEFAULT_UNKEY_CONTROLS, type UnkeyControls } from '../state';
import { dropdown } from '../toolkit/controls';
import { Card } from '../ui/card';
import { ChartTable } from '../ui/chart-table';
import { OutcomeLegend } from '../ui/legend';
import { CardLoader } from '../ui/loader';
import { StatusFilter } from '../ui/status-filter';
import { tiles } from '../ui/tiles';
import { VerificationsSection } from './verifications-section';
import type { PanelView, ViewContext, ViewSnapshot } from '../view';
import { RangeControls } from './unkey-controls';

type Series = Result<'unkey.series'>['slices'];
type BreakdownRows = Result<'unkey.breakdown'>['rows'];

const empty = (): string => l10n.t('No verifications in this range.');
const LIMITS = [10, 25, 50, 100] as const;

export class UnkeyView implements PanelView {
  readonly element: HTMLElement;
  private controls: UnkeyControls;
  private readonly range: RangeControls;
  private readonly legend: OutcomeLegend;
  private readonly summary = h('div', { className: 'summary' });
  /** Issue 14: a key's single verifications (key scope only). */
  private recent: VerificationsSection | undefined;
  private readonly seriesCard = new Card(l10n.t('Verification outcomes'), 'series');
  private readonly breakdownCard = new Card(l10n.t('Breakdown'), 'breakdown');
  private readonly seriesChart: ChartTable;
  private readonly breakdownChart: ChartTable;
  private readonly seriesLoader: CardLoader;
  private readonly breakdownLoader: CardLoader;
  private series: { range: Range; slices: Series; aggregated: Aggregated } | undefined;
  /** What the range controls changed to fit the vendor (a start clamped to v2's retention). */
  private rangeNote: string | undefined;
  private breakdown: { by: Breakdown; limit: number; rows: BreakdownRows; statusNote?: string } | undefined;
  /** The top keys' Status filter (issue 13): shown while the breakdown groups by key. */
  private readonly statusFilter: StatusFilter;

  constructor(private readonly context: ViewContext) {
    const keyScoped = context.scope.vendor === 'unkey' && context.scope.keyId !== undefined;
    const saved = context.state.get().unkey ?? DEFAULT_UNKEY_CONTROLS;
    this.controls = keyScoped && saved.breakdown === 'key' ? { ...saved, breakdown: 'tag' } : saved;
    this.range = new RangeControls(this.controls, context.unkeyVersion, (choice) => {
      this.save({ preset: choice.preset, granularity: choice.granularity, from: choice.from, to: choice.to });
      this.load();
    });
    this.legend = new OutcomeLegend(new Set(this.controls.hidden), (hidden) => {
      this.save({ hidden: OUTCOMES.filter((outcome) => hidden.has(outcome)) });
      this.showSeries();
      this.showBreakdown();
    });
    this.seriesChart = new ChartTable(this.seriesCard, {
      chartLabel: l10n.t('Stacked bar chart of verification outcomes over time'),
      horizontal: false,
      stacked: true,
      // Times read at the granularity shown: "2025-01-13 09:00", "2025-01-13" or "2025-01".
      time: (ms) => sliceLabel(ms, this.series ? labelGranularity(this.series.aggregated.size, this.series.range.granularity) : 'hour'),
      tableOpen: context.state.tableOpen('series'),
      onTableToggle: (open) => context.state.setTableOpen('series', open),
    });
    this.breakdownChart = new ChartTable(this.breakdownCard, {
      chartLabel: l10n.t('Stacked bar chart of verification outcomes per group'),
      horizontal: true,
      stacked: true,
      tableOpen: context.state.tableOpen('breakdown'),
      onTableToggle: (open) => context.state.setTableOpen('breakdown', open),
    });
    this.seriesLoader = new CardLoader([this.seriesCard], context);
    this.breakdownLoader = new CardLoader([this.breakdownCard], context);
    const groupBy = dropdown(
      l10n.t('Group by'),
      BREAKDOWNS.filter((by) => !(keyScoped && by === 'key')).map((value) => ({ value, label: breakdownLabel(value) })),
      this.controls.breakdown,
      (value) => {
        this.save({ breakdown: value });
        this.statusFilter.element.hidden = value !== 'key';
        this.loadBreakdown();
      },
    );
    this.statusFilter = new StatusFilter(STATUS_WORDS.unkey, context.state.filterOf('breakdown'), (word) => {
      context.state.setFilter('breakdown', word);
      this.showBreakdown();
    });
    this.statusFilter.element.hidden = this.controls.breakdown !== 'key';
    const limit = dropdown(
      l10n.t('Show'),
      LIMITS.map((value) => ({ value: String(value), label: l10n.t('Top {0}', value) })),
      String(this.controls.limit),
      (value) => {
        this.save({ limit: Number(value) });
        this.loadBreakdown();
      },
    );
    this.breakdownCard.controls.append(groupBy.element, limit.element, this.statusFilter.element);
    if (keyScoped) this.recent = new VerificationsSection(context);
    this.element = h('div', {
      className: 'view unkey-view',
      children: [
        h('div', { className: 'toolbar', children: [this.range.element] }),
        this.legend.element,
        this.summary,
        this.seriesCard.element,
        this.breakdownCard.element,
        ...(this.recent?.elements ?? []),
      ],
    });
    context.setSubtitle(l10n.t('Unkey API {0} · times in UTC', context.unkeyVersion));
  }

  load(): void {
    this.loadSeries();
    this.loadBreakdown();
    this.recent?.reload();
  }

  snapshot(): ViewSnapshot {
    const notes: string[] = [];
    const tables = [];
    const hidden = OUTCOMES.filter((outcome) => !this.legend.visible().includes(outcome));
    if (hidden.length > 0) notes.push(l10n.t('Hidden outcomes (not in the tables; Total still counts them): {0}', hidden.map((outcome) => outcomeLabel(outcome)).join(', ')));
    if (this.series) notes.push(l10n.t('Range: {0} to {1} (slice starts, UTC)', new Date(this.series.range.start).toISOString(), new Date(this.series.range.end).toISOString()));
    if (this.rangeNote) notes.push(this.rangeNote);
    for (const [card, chart] of [[this.seriesCard, this.seriesChart], [this.breakdownCard, this.breakdownChart]] as const) {
      const table = chart.table();
      if (card.showsData && table) tables.push(table);
      else if (card.element.dataset.state === 'empty') notes.push(card.id === 'series' ? l10n.t('Outcomes over time: {0}', empty()) : l10n.t('Breakdown: {0}', empty()));
    }
    if (this.series && this.series.aggregated.size > 1) notes.push(this.aggregationNote(this.series.slices.length, this.series.aggregated, this.series.range));
    const filtered = this.breakdown?.by === 'key' && this.breakdownCard.showsData ? this.statusFilter.note(l10n.t('Breakdown')) : undefined;
    if (filtered) notes.push(filtered);
    if (this.recent) tables.push(...this.recent.tables());
    return { notes, tables };
  }

  restyle(): void {
    this.legend.restyle();
    this.seriesChart.restyle();
    this.breakdownChart.restyle();
  }

  private save(patch: Partial<UnkeyControls>): void {
    this.controls = { ...this.controls, ...patch };
    this.context.state.update({ unkey: this.controls });
  }

  private currentRange(): Range | undefined {
    const resolved = this.range.resolve(Date.now());
    this.rangeNote = resolved.ok ? resolved.note : undefined;
    return resolved.ok ? resolved.range : undefined;
  }

  private loadSeries(): void {
    const range = this.currentRange();
    if (!range) return;
    this.seriesLoader.run(
      () => (performance.mark('keyscope:series-asked'), this.context.request('unkey.series', range)),
      (result) => {
        performance.mark('keyscope:series-answered');
        this.series = { range, slices: result.slices, aggregated: aggregate(result.slices, range.granularity) };
        this.showSeries();
      },
    );
  }

  private loadBreakdown(): void {
    const range = this.currentRange();
    if (!range) return;
    const { breakdown: by, limit } = this.controls;
    this.breakdownLoader.run(
      () => this.context.request('unkey.breakdown', { range, by, limit }),
      (result) => {
        this.breakdown = { by, limit, rows: result.rows, ...(result.statusNote ? { statusNote: result.statusNote } : {}) };
        this.showBreakdown();
      },
    );
  }

  private showSeries(): void {
    if (!this.series) return;
    const { range, slices, aggregated } = this.series;
    const totals = zeroOutcomes();
    for (const slice of slices) addOutcomes(totals, slice.outcomes);
    this.showSummary(totals);
    const card = this.seriesCard;
    card.element.dataset.rangeStart = String(range.start);
    card.element.dataset.rangeEnd = String(range.end);
    card.element.dataset.granularity = range.granularity;
    card.element.dataset.slices = String(slices.length);
    card.element.dataset.buckets = String(aggregated.buckets.length);
    if (totals.total === 0) {
      card.setTitle(l10n.t('Verification outcomes'));
      card.setNote('');
      card.empty(empty());
      this.context.changed();
      return;
    }
    const visible = this.legend.visible();
    const table = seriesTable(aggregated, range.granularity, visible);
    card.setTitle(table.name);
    card.setNote(aggregated.size > 1 ? this.aggregationNote(slices.length, aggregated, range) : '');
    card.ready();
    const ms = this.seriesChart.render({
      labels: aggregated.buckets.map((bucket) => sliceLabel(bucket.start, labelGranularity(aggregated.size, range.granularity))),
      series: this.outcomeSeries(aggregated.buckets.map((bucket) => bucket.outcomes)),
      hidden: new Set(OUTCOMES.filter((outcome) => !visible.includes(outcome))),
      table,
    });
    card.element.dataset.renderMs = ms.toFixed(1);
    this.context.changed();
  }

  private showBreakdown(): void {
    if (!this.breakdown) return;
    const { by, limit, statusNote } = this.breakdown;
    // Grouped by key, the Status filter keeps the keys with one status word, in the chart and the table alike.
    const word = by === 'key' ? this.statusFilter.word() : undefined;
    const rows = word === undefined ? this.breakdown.rows : this.breakdown.rows.filter((row) => row.status === word);
    const card = this.breakdownCard;
    const visible = this.legend.visible();
    const table = breakdownTable(rows, by, limit, visible);
    card.setTitle(table.name);
    card.setNote([...(word !== undefined ? [l10n.t('Only keys whose status is {0}.', word)] : []), ...(by === 'key' && statusNote ? [statusNote] : [])].join(' '));
    if (rows.every((row) => row.outcomes.total === 0)) {
      card.empty(word !== undefined && this.breakdown.rows.length > 0 ? l10n.t('No keys whose status is {0} among these.', word) : empty());
      this.context.changed();
      return;
    }
    card.ready();
    this.breakdownChart.render({
      labels: rows.map((row) => row.label),
      series: this.outcomeSeries(rows.map((row) => row.outcomes)),
      hidden: new Set(OUTCOMES.filter((outcome) => !visible.includes(outcome))),
      table,
    });
    this.context.changed();
  }

  private outcomeSeries(counts: readonly Record<Outcome, number>[]): BarSeries[] {
    return OUTCOMES.map((outcome) => ({ key: outcome, label: outcomeLabel(outcome), color: OUTCOME_COLORS[outcome], values: counts.map((row) => row[outcome]) }));
  }

  private showSummary(totals: OutcomeCounts): void {
    const failures = OUTCOMES.filter((outcome) => outcome !== 'valid' && totals[outcome] > 0).sort((a, b) => totals[b] - totals[a]);
    const top = failures[0];
    this.summary.replaceChildren(
      tiles([
        { label: l10n.t('Verifications'), value: formatCount(totals.total) },
        { label: l10n.t('Valid'), value: formatCount(totals.valid), detail: formatRate(totals.valid, totals.total) },
        { label: l10n.t('Not valid'), value: formatCount(totals.total - totals.valid), detail: formatRate(totals.total - totals.valid, totals.total) },
        { label: l10n.t('Most common failure'), value: top ? outcomeLabel(top) : '—', ...(top ? { detail: formatCount(totals[top]) } : {}) },
      ]),
    );
  }

  private aggregationNote(slices: number, aggregated: Aggregated, range: Range): string {
    const bars = formatCount(aggregated.buckets.length);
    const length = bucketLength(aggregated.size, range.granularity);
    switch (range.granularity) {
      case 'hour':
        return l10n.t('{0} hourly slices are shown as {1} bars of {2} each (sums), in the chart and the table.', formatCount(slices), bars, length);
      case 'day':
        return l10n.t('{0} daily slices are shown as {1} bars of {2} each (sums), in the chart and the table.', formatCount(slices), bars, length);
      case 'month':
        return l10n.t('{0} monthly slices are shown as {1} bars of {2} each (sums), in the chart and the table.', formatCount(slices), bars, length);
    }
  }
}
