// "Recent events" for a Cryptolens key (issue 14): its Web API log entries, newest first, paged back
// with the vendor's cursor, and a count per event kind; one device's events when a device is chosen.
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
    const eventsCard = new Card('Recent events', 'recent-events');
    const kindsCard = new Card('Events by kind', 'events-by-kind');
    super(context, [eventsCard, kindsCard], 'Older events', 'recent-events');
    this.eventsCard = eventsCard;
    this.kindsCard = kindsCard;
    this.grid = new PagedGrid({ label: 'Recent events', sortable: false, time: secondLabel, cellTitle: (index, column) => (column === 3 && this.rows[index] ? eventTitle(this.rows[index]) : undefined) });
    this.scopeDevice = context.scope.vendor === 'cryptolens' ? context.scope.machineCode : undefined;
    // In a device's panel, "All devices" opens the key's panel; in a key's panel it drops the filter.
    this.allDevices = button('All devices', () => (this.scopeDevice === undefined ? this.forDevice(undefined) : this.openKey()), { appearance: 'secondary' });
    this.allDevices.hidden = true;
    eventsCard.controls.append(this.filter, this.allDevices);
    eventsCard.body.append(this.grid.element, this.older);
    this.kindsChart = new ChartTable(kindsCard, {
      chartLabel: 'Bar chart of events by kind',
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
    this.filter.textContent = machineCode === undefined ? '' : `Events of the device with machine code ${machineCode}`;
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
          for (const card of this.cards) card.empty('This key no longer exists, so its events cannot be looked up by key.');
          return;
        }
        this.received(result.events, result.nextCursor);
        this.show();
      },
      'the Web API log (GetWebAPILog permission)',
    );
  }

  private show(): void {
    if (this.rows.length === 0) {
      for (const card of this.cards) card.empty(this.machineCode === undefined ? 'No events logged for this key.' : 'No events logged for this device.');
      return;
    }
    const anomalies = anomalyCount(this.rows);
    this.eventsCard.ready();
    this.eventsCard.setNote(
      `${this.rows.length} newest events${this.cursor !== undefined ? '; older ones load with “Older events”' : ', all there are'}. Hover an event for its state code.${anomalies > 0 ? ` ${anomalies} flagged as anomalies by Cryptolens.` : ''}`,
    );
    this.grid.show(eventsTable(this.rows));
    const kinds = eventKinds(this.rows);
    this.kindsCard.ready();
    this.kindsChart.render({
      labels: kinds.map((kind) => kind.event),
      table: eventKindsTable(this.rows),
      series: [{ key: 'count', label: 'Events', color: kinds.map((kind) => (kind.outcome === 'failed' ? FAILURE_COLOR : kind.outcome === 'succeeded' ? SUCCESS_COLOR : NEUTRAL_COLOR)), values: kinds.map((kind) => kind.count) }],
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
      ...(this.machineCode !== undefined && this.eventsCard.showsData ? [`Recent events of machine code ${this.machineCode}`] : []),
      ...(anomalies > 0 && this.eventsCard.showsData ? [`${anomalies} events flagged as anomalies by Cryptolens`] : []),
    ];
  }

  restyle(): void {
    this.kindsChart.restyle();
  }
}
