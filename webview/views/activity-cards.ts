// The activity sections (issue 14): "Requests per day" for a Cryptolens product, "Recent events" for
// a Cryptolens key, "Recent verifications" for an Unkey key. Each section has its own states:
// loading, ready, empty (a range or key without data), denied (the token may not read it) and error
// (beside the last good data, with Retry). Vendor text reaches the DOM only as textContent.
import * as l10n from '@vscode/l10n';
import { DAILY_PRESETS, type DailyParams, type DailyPreset, type LicenseEventRow, type VerificationRow } from '../../src/panel/protocol-activity';
import type { Table } from '../../src/panel/protocol-data';
import { h } from '../dom';
import { anomalyCount, isPermissionMessage, dailyTable, dailyTiles, eventKinds, eventKindsTable, eventsTable, eventTitle, secondLabel, verificationsTable } from '../shape/activity-tables';
import { FAILURE_COLOR, NEUTRAL_COLOR, SUCCESS_COLOR, OUTCOME_COLORS } from '../shape/outcomes';
import { dayText } from '../shape/time';
import { button, dropdown } from '../toolkit/controls';
import { Card } from '../ui/card';
import { ChartTable } from '../ui/chart-table';
import { PagedGrid } from '../ui/paged-grid';
import { tiles } from '../ui/tiles';
import type { ViewContext } from '../view';

const presetLabel = (preset: DailyPreset): string =>
  preset === 'last7' ? l10n.t('Last 7 days') : preset === 'last30' ? l10n.t('Last 30 days') : preset === 'last90' ? l10n.t('Last 90 days') : l10n.t('Custom (UTC days)');


/** Shared by the sections: loading, then data, empty, denied or error, and only the newest answer counts. */
abstract class Section {
  private generation = 0;

  constructor(
    protected readonly context: ViewContext,
    protected readonly cards: readonly Card[],
  ) {}

  protected run<T>(load: () => Promise<T>, show: (value: T) => void, what: string): void {
    const generation = ++this.generation;
    for (const card of this.cards) card.loading();
    load().then(
      (value) => {
        if (generation !== this.generation) return;
        show(value);
        this.context.changed();
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        const message = this.context.describe(error);
        for (const card of this.cards) {
          if (isPermissionMessage(message)) card.denied(l10n.t('The token may not read {0}: {1}', what, message));
          else card.error(message, () => void this.context.forgetFailures().finally(() => this.reload()));
        }
        this.context.changed();
      },
    );
  }

  abstract reload(): void;
}

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
  private preset: DailyPreset = 'last30';
  private range: string | undefined;

  constructor(context: ViewContext) {
    const requestsCard = new Card(l10n.t('Requests per day'), 'requests-per-day');
    const activeCard = new Card(l10n.t('Active keys, devices and customers per day'), 'active-per-day');
    super(context, [requestsCard, activeCard]);
    this.requestsCard = requestsCard;
    this.activeCard = activeCard;
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
        this.reload();
      },
    );
    this.from = dateInput(l10n.t('From (UTC)'));
    this.to = dateInput(l10n.t('To (UTC)'));
    this.from.addEventListener('change', () => this.reload());
    this.to.addEventListener('change', () => this.reload());
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

/** Rows paged back with the vendor's cursor: the first page, then "Older …" appends the next. */
abstract class PagedSection<Row> extends Section {
  protected rows: Row[] = [];
  protected cursor: string | undefined;
  protected readonly older: HTMLElement;

  constructor(context: ViewContext, cards: readonly Card[], olderLabel: string) {
    super(context, cards);
    this.older = button(olderLabel, () => this.loadOlder(), { appearance: 'secondary' });
    this.older.classList.add('older-button');
    this.older.hidden = true;
  }

  reload(): void {
    this.rows = [];
    this.cursor = undefined;
    this.fetch(undefined);
  }

  private loadOlder(): void {
    if (this.cursor !== undefined) this.fetch(this.cursor);
  }

  protected abstract fetch(before: string | undefined): void;

  protected received(rows: readonly Row[], nextCursor: string | undefined): void {
    this.rows = [...this.rows, ...rows];
    this.cursor = nextCursor;
    this.older.hidden = nextCursor === undefined;
  }
}

/** A Cryptolens key: its Web API log entries, newest first, and a count per event kind. */
export class EventsSection extends PagedSection<LicenseEventRow> {
  readonly elements: HTMLElement[];
  private readonly eventsCard: Card;
  private readonly kindsCard: Card;
  private readonly grid: PagedGrid;
  private readonly kindsChart: ChartTable;
  private machineCode: string | undefined;
  private readonly filter = h('p', { className: 'card-note events-filter', attrs: { hidden: '' } });
  private readonly allDevices: HTMLElement;

  constructor(context: ViewContext) {
    const eventsCard = new Card(l10n.t('Recent events'), 'recent-events');
    const kindsCard = new Card(l10n.t('Events by kind'), 'events-by-kind');
    super(context, [eventsCard, kindsCard], l10n.t('Older events'));
    this.eventsCard = eventsCard;
    this.kindsCard = kindsCard;
    this.grid = new PagedGrid({ label: l10n.t('Recent events'), sortable: false, time: secondLabel, cellTitle: (index, column) => (column === 3 && this.rows[index] ? eventTitle(this.rows[index]) : undefined) });
    this.allDevices = button(l10n.t('All devices'), () => this.forDevice(undefined), { appearance: 'secondary' });
    this.allDevices.hidden = true;
    eventsCard.controls.append(this.filter, this.allDevices);
    eventsCard.body.append(this.grid.element, this.older);
    this.kindsChart = new ChartTable(kindsCard, {
      chartLabel: l10n.t('Bar chart of events by kind'),
      horizontal: true,
      stacked: false,
      tableOpen: context.state.tableOpen('events-by-kind'),
      onTableToggle: (open) => context.state.setTableOpen('events-by-kind', open),
    });
    this.elements = [eventsCard.element, kindsCard.element];
  }

  /** Shows only one device's events (a device row was opened), or every device's again. */
  forDevice(machineCode: string | undefined): void {
    this.machineCode = machineCode;
    this.filter.textContent = machineCode === undefined ? '' : l10n.t('Events of the device with machine code {0}', machineCode);
    this.filter.toggleAttribute('hidden', machineCode === undefined);
    this.allDevices.hidden = machineCode === undefined;
    this.reload();
  }

  protected fetch(before: string | undefined): void {
    const params = { ...(this.machineCode !== undefined ? { machineCode: this.machineCode } : {}), ...(before !== undefined ? { before } : {}) };
    this.run(
      () => this.context.request('cryptolens.events', params),
      (result) => {
        if (!result.available) {
          for (const card of this.cards) card.empty(l10n.t('This key no longer exists, so its events cannot be looked up by key.'));
          return;
        }
        this.received(result.events, result.nextCursor);
        this.show();
      },
      l10n.t('the Web API log (GetWebAPILog permission)'),
    );
  }

  private show(): void {
    if (this.rows.length === 0) {
      for (const card of this.cards) card.empty(this.machineCode === undefined ? l10n.t('No events logged for this key.') : l10n.t('No events logged for this device.'));
      return;
    }
    const anomalies = anomalyCount(this.rows);
    this.eventsCard.ready();
    this.eventsCard.setNote(
      [
        this.cursor !== undefined
          ? l10n.t('{0} newest events; older ones load with “Older events”. Hover an event for its state code.', this.rows.length)
          : l10n.t('{0} newest events, all there are. Hover an event for its state code.', this.rows.length),
        ...(anomalies > 0 ? [l10n.t('{0} flagged as anomalies by Cryptolens.', anomalies)] : []),
      ].join(' '),
    );
    this.grid.show(eventsTable(this.rows));
    const kinds = eventKinds(this.rows);
    this.kindsCard.ready();
    this.kindsChart.render({
      labels: kinds.map((kind) => kind.event),
      table: eventKindsTable(this.rows),
      series: [{ key: 'count', label: l10n.t('Events'), color: kinds.map((kind) => (kind.outcome === 'failed' ? FAILURE_COLOR : kind.outcome === 'succeeded' ? SUCCESS_COLOR : NEUTRAL_COLOR)), values: kinds.map((kind) => kind.count) }],
    });
  }

  tables(): Table[] {
    const out: Table[] = [];
    const shown = this.grid.shown();
    if (this.eventsCard.showsData && shown) out.push(shown);
    const kinds = this.kindsChart.table();
    if (this.kindsCard.showsData && kinds) out.push(kinds);
    return out;
  }

  notes(): string[] {
    const anomalies = anomalyCount(this.rows);
    return [
      ...(this.machineCode !== undefined && this.eventsCard.showsData ? [l10n.t('Recent events of machine code {0}', this.machineCode)] : []),
      ...(anomalies > 0 && this.eventsCard.showsData ? [l10n.t('{0} events flagged as anomalies by Cryptolens', anomalies)] : []),
    ];
  }

  restyle(): void {
    this.kindsChart.restyle();
  }
}

/** An Unkey key: its single verifications, newest first, 100 a page (Unkey API v2 only). */
export class VerificationsSection extends PagedSection<VerificationRow> {
  readonly elements: HTMLElement[];
  private readonly card: Card;
  private readonly grid: PagedGrid;

  constructor(context: ViewContext) {
    const card = new Card(l10n.t('Recent verifications'), 'recent-verifications');
    super(context, [card], l10n.t('Older verifications'));
    this.card = card;
    this.grid = new PagedGrid({ label: l10n.t('Recent verifications'), sortable: false, time: secondLabel });
    card.body.append(this.grid.element, this.older);
    this.elements = [card.element];
  }

  override reload(): void {
    if (this.context.unkeyVersion === 'v1') {
      this.card.empty(l10n.t('Recent verifications need Unkey API v2: Unkey v1 has no endpoint for single verifications (set keyscope.unkey.apiVersion to v2).'));
      this.card.element.dataset.reason = 'needs-v2';
      return;
    }
    super.reload();
  }

  protected fetch(before: string | undefined): void {
    this.run(
      () => this.context.request('unkey.recent', before !== undefined ? { before } : {}),
      (result) => {
        this.received(result.rows, result.nextCursor);
        if (this.rows.length === 0) {
          this.card.empty(l10n.t('No verifications of this key in the raw window Unkey keeps.'));
          return;
        }
        this.card.ready();
        this.card.setNote(
          this.cursor !== undefined
            ? l10n.t('{0} newest verifications; older ones load with “Older verifications”.', this.rows.length)
            : l10n.t('{0} newest verifications, all there are.', this.rows.length),
        );
        this.grid.show(verificationsTable(this.rows));
      },
      l10n.t('verifications (api.*.read_analytics permission)'),
    );
  }

  tables(): Table[] {
    const shown = this.grid.shown();
    return this.card.showsData && shown ? [shown] : [];
  }
}

function dateInput(label: string): HTMLInputElement {
  return h('input', { className: 'date-input', attrs: { type: 'date', 'aria-label': label } });
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  return h('label', { className: 'field', children: [h('span', { className: 'field-label', text }), control] });
}
