// Cryptolens: for a product, its keys' lifetime totals (sortable grid), successful vs failed for the
// busiest keys, devices per key and the vendor's counters; for one key, its devices.
import * as l10n from '@vscode/l10n';
import type { Result } from '../../src/panel/protocol';
import type { Table } from '../../src/panel/protocol-data';
import { formatCount, formatRate } from '../../src/text/format';
import { h } from '../dom';
import { minuteLabel } from '../shape/cells';
import {
  busiestKeys,
  countersTable,
  devicesPerKeyTable,
  devicesTable,
  keyLabel,
  keysTable,
  keysWithMostDevices,
  outcomesTable,
  requestsPerDeviceTable,
  TOP_KEYS,
  type KeyRow,
} from '../shape/cryptolens-tables';
import { FAILURE_COLOR, NEUTRAL_COLOR, SUCCESS_COLOR } from '../shape/outcomes';
import { STATUS_WORDS } from '../../src/panel/protocol';
import { Card } from '../ui/card';
import { ChartTable } from '../ui/chart-table';
import { CardLoader } from '../ui/loader';
import { PagedGrid } from '../ui/paged-grid';
import { StatusFilter } from '../ui/status-filter';
import { tiles, type Tile } from '../ui/tiles';
import type { PanelView, ViewContext, ViewSnapshot } from '../view';
import { DailySection } from './daily-section';
import { EventsSection } from './events-section';

export class CryptolensView implements PanelView {
  readonly element: HTMLElement;
  private readonly summary = h('div', { className: 'summary' });
  private readonly cards: Card[] = [];
  private readonly charts = new Map<Card, ChartTable>();
  private readonly grids = new Map<Card, PagedGrid>();
  private readonly loader: CardLoader;
  private readonly productId: number;
  private readonly keyId: number | undefined;
  private notes: string[] = [];
  /** The keys grid's Status filter (issue 13), and each key's status reason for its cell's tooltip. */
  private statusFilter: StatusFilter | undefined;
  private statusReasons = new Map<number, string>();
  /** Issue 14: requests per day (a product), recent events (a key). */
  private readonly activity: DailySection | EventsSection;

  constructor(private readonly context: ViewContext) {
    if (context.scope.vendor !== 'cryptolens') throw new Error('not a Cryptolens scope');
    this.productId = context.scope.productId;
    this.keyId = context.scope.keyId;
    if (this.keyId === undefined) this.productCards();
    else this.keyCards();
    this.loader = new CardLoader(this.cards, context);
    this.activity = this.keyId === undefined ? new DailySection(context) : new EventsSection(context);
    this.element = h('div', { className: 'view cryptolens-view', children: [this.summary, ...this.cards.map((card) => card.element), ...this.activity.elements] });
    const device = context.scope.vendor === 'cryptolens' && context.scope.machineCode !== undefined;
    context.setSubtitle(
      this.keyId === undefined
        ? l10n.t('Lifetime totals per license key · times in UTC')
        : device
          ? l10n.t('Lifetime totals and devices of one license key, events of one device · times in UTC')
          : l10n.t('Lifetime totals and devices of one license key · times in UTC'),
    );
  }

  load(): void {
    // One request feeds every card.
    if (this.keyId === undefined) this.loader.run(() => this.context.request('cryptolens.product', {}), (result) => this.show(() => this.showProduct(result)));
    else this.loader.run(() => this.context.request('cryptolens.key', {}), (result) => this.show(() => this.showKey(result)));
    this.activity.reload();
  }

  snapshot(): ViewSnapshot {
    const tables: Table[] = [];
    for (const card of this.cards) {
      if (!card.showsData) continue;
      const table = this.charts.get(card)?.table() ?? this.grids.get(card)?.shown();
      if (table) tables.push(table);
    }
    const filtered = this.statusFilter && this.cards.find((card) => card.id === 'keys')?.showsData ? this.statusFilter.note(l10n.t('License keys')) : undefined;
    return { notes: [...this.notes, ...(filtered ? [filtered] : []), ...this.activity.notes()], tables: [...tables, ...this.activity.tables()] };
  }

  restyle(): void {
    for (const chart of this.charts.values()) chart.restyle();
    this.activity.restyle();
  }

  private show(render: () => void): void {
    render();
    this.context.changed();
  }

  private productCards(): void {
    this.chartCard('outcomes', l10n.t('Successful vs failed'), true);
    this.chartCard('devices-per-key', l10n.t('Devices per key'), false);
    this.gridCard('keys', l10n.t('License keys'), true);
    this.gridCard('counters', l10n.t('Counters'), false);
  }

  private keyCards(): void {
    this.chartCard('requests-per-device', l10n.t('Requests per device'), false);
    this.gridCard('devices', l10n.t('Devices'), true);
    this.gridCard('counters', l10n.t('Counters'), false);
  }

  private chartCard(id: string, title: string, stacked: boolean): Card {
    const card = new Card(title, id);
    this.charts.set(
      card,
      new ChartTable(card, {
        chartLabel: stacked ? l10n.t('Stacked bar chart of {0}', title.toLowerCase()) : l10n.t('Bar chart of {0}', title.toLowerCase()),
        horizontal: true,
        stacked,
        tableOpen: this.context.state.tableOpen(id),
        onTableToggle: (open) => this.context.state.setTableOpen(id, open),
      }),
    );
    this.cards.push(card);
    return card;
  }

  private gridCard(id: string, title: string, sortable: boolean): Card {
    const card = new Card(title, id);
    const grid = new PagedGrid({
      label: title,
      sortable,
      time: minuteLabel,
      onSort: (sort) => {
        this.context.state.setSort(id, sort);
        this.context.changed();
      },
      ...(id === 'keys'
        ? {
            onActivate: (row: readonly (string | number | null)[]) => this.openKey(row[1] ?? null),
            cellTitle: (index: number, column: number) => this.statusTitle(index, column),
          }
        : {}),
      ...(id === 'devices'
        ? {
            onActivate: (row: readonly (string | number | null)[]) => this.showDeviceEvents(row),
            // A device's panel marks its device.
            isHighlighted: (row: readonly (string | number | null)[]) => this.context.scope.vendor === 'cryptolens' && this.context.scope.machineCode !== undefined && row[0] === this.context.scope.machineCode,
          }
        : {}),
    });
    card.body.append(grid.element);
    if (id === 'keys') {
      const filter = new StatusFilter(STATUS_WORDS.cryptolens, this.context.state.filterOf(id), (word) => {
        this.context.state.setFilter(id, word);
        const shown = grid.shown();
        grid.setFilter(shown ? filter.predicate(shown) : undefined);
        this.context.changed();
      });
      card.controls.append(filter.element);
      this.statusFilter = filter;
    }
    this.grids.set(card, grid);
    this.cards.push(card);
    return card;
  }

  private card(id: string): Card {
    const card = this.cards.find((candidate) => candidate.id === id);
    if (!card) throw new Error(`no card ${id}`);
    return card;
  }

  private showProduct(result: Result<'cryptolens.product'>): void {
    const keys = result.keys;
    const counted = keys.filter((key) => key.devices !== undefined);
    const requests = keys.reduce((sum, key) => sum + key.requests, 0);
    const successful = keys.reduce((sum, key) => sum + key.successful, 0);
    const devices = counted.reduce((sum, key) => sum + (key.devices ?? 0), 0);
    const partial = counted.length < keys.length;
    this.notes = [
      ...(partial ? [l10n.t('Devices were counted for the {0} busiest keys only.', formatCount(counted.length))] : []),
      ...(result.scanLimit !== undefined ? [scanLimitNote(result.scanLimit, 'keys and devices')] : []),
    ];
    this.summary.replaceChildren(
      tiles([
        { label: l10n.t('License keys'), value: formatCount(keys.length) },
        { label: l10n.t('Requests'), value: formatCount(requests) },
        { label: l10n.t('Success rate'), value: formatRate(successful, requests), detail: l10n.t('{0} failed', formatCount(requests - successful)) },
        { label: partial ? l10n.t('Devices ({0} busiest keys)', formatCount(counted.length)) : l10n.t('Devices'), value: formatCount(devices) },
      ]),
    );
    if (keys.length === 0) {
      for (const card of this.cards) card.empty(l10n.t('No license keys with usage in this product.'));
      return;
    }
    const busiest = busiestKeys(keys);
    this.showChart('outcomes', l10n.t('Successful vs failed, top {0} keys by requests', TOP_KEYS), outcomesTable(keys), busiest.map(keyLabel), [
      { key: 'successful', label: l10n.t('Successful'), color: SUCCESS_COLOR, values: busiest.map((key) => key.successful) },
      { key: 'failed', label: l10n.t('Failed'), color: FAILURE_COLOR, values: busiest.map((key) => key.failed) },
    ]);
    const most = keysWithMostDevices(keys);
    this.showChart('devices-per-key', l10n.t('Devices per key, top {0} keys by devices', TOP_KEYS), devicesPerKeyTable(keys), most.map(keyLabel), [
      { key: 'devices', label: l10n.t('Devices'), color: NEUTRAL_COLOR, values: most.map((key) => key.devices ?? 0) },
    ]);
    this.card('devices-per-key').setNote(partial ? this.notes[0] ?? '' : '');
    const open = l10n.t('Double-click a row, or press Enter on it, to open that key and its devices. Hover a status for its reason.');
    this.statusReasons = new Map(keys.flatMap((key) => (key.statusReason !== undefined ? [[key.licenseKeyId, l10n.t('{0}: {1}', key.status ?? '', key.statusReason)] as const] : [])));
    if (result.statusNote) this.notes.push(result.statusNote);
    const keyNote = [...(result.scanLimit !== undefined ? [scanLimitNote(result.scanLimit, 'keys')] : []), open, ...(result.statusNote ? [result.statusNote] : [])].join(' ');
    this.showGrid('keys', keysTable(keys), keyNote);
    this.showCounters(keys, l10n.t('Counters, summed over the product’s keys'));
  }

  private showKey(result: Result<'cryptolens.key'>): void {
    const { key, devices } = result;
    this.notes = result.scanLimit !== undefined ? [scanLimitNote(result.scanLimit, 'keys and devices')] : [];
    const tileList: Tile[] = key
      ? [
          { label: l10n.t('Key'), value: keyLabel(key), detail: l10n.t('id {0}', key.licenseKeyId) },
          { label: l10n.t('Requests'), value: formatCount(key.requests) },
          { label: l10n.t('Success rate'), value: formatRate(key.successful, key.requests), detail: l10n.t('{0} ok · {1} failed', formatCount(key.successful), formatCount(key.failed)) },
          { label: l10n.t('Devices'), value: formatCount(devices.length) },
          { label: l10n.t('First seen'), value: key.firstSeen !== undefined ? minuteLabel(key.firstSeen) : '—' },
          { label: l10n.t('Last seen'), value: key.lastSeen !== undefined ? minuteLabel(key.lastSeen) : '—' },
        ]
      : [{ label: l10n.t('Key'), value: `#${this.keyId ?? ''}`, detail: l10n.t('no usage summary') }];
    this.summary.replaceChildren(tiles(tileList));
    if (devices.length === 0) {
      this.card('requests-per-device').empty(l10n.t('No devices have used this key.'));
      this.card('devices').empty(l10n.t('No devices have used this key.'));
    } else {
      const table = requestsPerDeviceTable(devices);
      this.showChart('requests-per-device', table.name, table, table.rows.map((row) => String(row[0])), [
        { key: 'requests', label: l10n.t('Requests'), color: NEUTRAL_COLOR, values: table.rows.map((row) => Number(row[1])) },
      ]);
      this.showGrid('devices', devicesTable(devices), this.notes[0] ?? '');
    }
    this.showCounters(key ? [key] : [], l10n.t('Counters'));
  }

  private showChart(id: string, title: string, table: Table, labels: string[], series: Parameters<ChartTable['render']>[0]['series']): void {
    const card = this.card(id);
    card.setTitle(title);
    card.ready();
    this.charts.get(card)?.render({ labels, series, table });
  }

  private showGrid(id: string, table: Table, note: string): void {
    const card = this.card(id);
    card.setNote(note);
    card.ready();
    if (id === 'keys') this.grids.get(card)?.setFilter(this.statusFilter?.predicate(table));
    this.grids.get(card)?.show(table, this.context.state.sortOf(id) ?? { column: table.columns.find((column) => column.key === 'requests') ? 'requests' : table.columns[0]?.key ?? '', direction: 'descending' });
  }

  private showCounters(keys: readonly KeyRow[], title: string): void {
    const card = this.card('counters');
    const table = countersTable(keys, title);
    if (!table) {
      card.element.hidden = true;
      return;
    }
    card.element.hidden = false;
    card.setTitle(title);
    card.ready();
    this.grids.get(card)?.show(table);
  }

  /** The Status cell's tooltip: the word and its reason. */
  private statusTitle(index: number, column: number): string | undefined {
    const shown = this.grids.get(this.card('keys'))?.shown();
    if (!shown || shown.columns[column]?.key !== 'status') return undefined;
    const keyId = shown.rows[index]?.[shown.columns.findIndex((candidate) => candidate.key === 'keyId')];
    return typeof keyId === 'number' ? this.statusReasons.get(keyId) : undefined;
  }

  /** A device row opened: Recent events shows that machine code's events. */
  private showDeviceEvents(row: readonly (string | number | null)[]): void {
    const columns = this.grids.get(this.card('devices'))?.shown()?.columns ?? [];
    const machineCode = row[columns.findIndex((column) => column.key === 'machineCode')];
    if (typeof machineCode !== 'string' || machineCode === '') return;
    if (this.activity instanceof EventsSection) this.activity.forDevice(machineCode);
  }

  private openKey(keyId: string | number | null): void {
    if (typeof keyId !== 'number') return;
    void this.context.request('open', { scope: { vendor: 'cryptolens', productId: this.productId, keyId } }).catch(() => undefined);
  }
}

/** A read stopped at keyscope.cryptolens.maxScanKeys: what is shown is the first N. */
function scanLimitNote(limit: number, what: 'keys' | 'keys and devices'): string {
  return what === 'keys'
    ? l10n.t('Only the first {0} keys of the account were read ({1}).', formatCount(limit), 'keyscope.cryptolens.maxScanKeys')
    : l10n.t('Only the first {0} keys and devices of the account were read ({1}).', formatCount(limit), 'keyscope.cryptolens.maxScanKeys');
}
