// "Recent events" for a Cryptolens key (issue 14): its Web API log entries, newest first, paged back
// with the vendor's cursor, and a count per event kind; one device's events when a device is chosen.
import * as l10n from '@vscode/l10n';
import type { LicenseEventRow } from '../../src/panel/protocol-activity';
import type { Table } from '../../src/panel/protocol-data';
import { h } from '../dom';
import { anomalyCount, eventKinds, eventKindsTable, eventsTable, eventTitle, secondLabel } from '../shape/activity-tables';
import { FAILURE_COLOR, NEUTRAL_COLOR, SUCCESS_COLOR } from '../shape/outcomes';
import { button } from '../toolkit/controls';
import { Card } from '../ui/card';
import { ChartTable } from '../ui/chart-table';
import { PagedGrid } from '../ui/paged-grid';
import type { ViewContext } from '../view';
import { PagedSection } from './activity-section';

/** A Cryptolens key: its Web API log entries, newest first, and a count per event kind. */
export class EventsSection extends PagedSection<LicenseEventRow> {
  readonly elements: HTMLElement[];
  private readonly eventsCard: Card;
  private readonly kindsCard: Card;
  private readonly grid: PagedGrid;
  private readonly kindsChart: ChartTable;
  private machineCode: string | undefined;
  /** The device a device's panel was opened for (a tree device node): its events only. */
  private readonly scopeDevice: string | undefined;
  private readonly filter = h('p', { className: 'card-note events-filter', attrs: { hidden: '' } });
  private readonly allDevices: HTMLElement;

  constructor(context: ViewContext) {
    const eventsCard = new Card(l10n.t('Recent events'), 'recent-events');
    const kindsCard = new Card(l10n.t('Events by kind'), 'events-by-kind');
    super(context, [eventsCard, kindsCard], l10n.t('Older events'), 'recent-events');
    this.eventsCard = eventsCard;
    this.kindsCard = kindsCard;
    this.grid = new PagedGrid({ label: l10n.t('Recent events'), sortable: false, time: secondLabel, cellTitle: (index, column) => (column === 3 && this.rows[index] ? eventTitle(this.rows[index]) : undefined) });
    this.scopeDevice = context.scope.vendor === 'cryptolens' ? context.scope.machineCode : undefined;
    // In a device's panel, "All devices" opens the key's panel; in a key's panel it drops the filter.
    this.allDevices = button(l10n.t('All devices'), () => (this.scopeDevice === undefined ? this.forDevice(undefined) : this.openKey()), { appearance: 'secondary' });
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
    this.showFilter(this.scopeDevice);
  }

  /** Shows only one device's events (a device row was opened), or every device's again. */
  forDevice(machineCode: string | undefined): void {
    if (this.scopeDevice !== undefined) {
      // A device's panel stays on its device: another device opens its own panel.
      if (machineCode !== undefined && machineCode !== this.scopeDevice) this.open(machineCode);
      return;
    }
    this.showFilter(machineCode);
    this.restart();
  }

  private showFilter(machineCode: string | undefined): void {
    this.machineCode = machineCode;
    this.filter.textContent = machineCode === undefined ? '' : l10n.t('Events of the device with machine code {0}', machineCode);
    this.filter.toggleAttribute('hidden', machineCode === undefined);
    this.allDevices.hidden = machineCode === undefined;
  }

  private openKey(): void {
    this.open(undefined);
  }

  /** Opens (or reveals) the panel of this key, or of one of its devices. */
  private open(machineCode: string | undefined): void {
    const { scope } = this.context;
    if (scope.vendor !== 'cryptolens' || scope.keyId === undefined) return;
    const target = { vendor: 'cryptolens' as const, productId: scope.productId, keyId: scope.keyId, ...(machineCode !== undefined ? { machineCode } : {}) };
    void this.context.request('open', { scope: target }).catch(() => undefined);
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
