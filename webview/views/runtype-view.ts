// Runtype: total, active and expired keys, how recently keys were used, and every key with its last
// use. Runtype's API exposes no request counts ("Detailed usage counts live in Analytics Engine").
import * as l10n from '@vscode/l10n';
import type { Table } from '../../src/panel/protocol-data';
import { formatCount } from '../../src/text/format';
import { h } from '../dom';
import { minuteLabel } from '../shape/cells';
import { NEUTRAL_COLOR, OUTCOME_COLORS } from '../shape/outcomes';
import { ID_COLUMN, keysTable, lastUseTable, STATUS_COLUMN, stateTable, type RuntypeSummary } from '../shape/runtype-tables';
import { STATUS_WORDS } from '../../src/panel/protocol';
import { Card } from '../ui/card';
import { ChartTable } from '../ui/chart-table';
import { CardLoader } from '../ui/loader';
import { PagedGrid } from '../ui/paged-grid';
import { StatusFilter } from '../ui/status-filter';
import { tiles } from '../ui/tiles';
import type { PanelView, ViewContext, ViewSnapshot } from '../view';

const STATE_COLORS = [OUTCOME_COLORS.valid, OUTCOME_COLORS.expired, OUTCOME_COLORS.disabled];

export class RuntypeView implements PanelView {
  readonly element: HTMLElement;
  private readonly summary = h('div', { className: 'summary' });
  private readonly stateCard = new Card(l10n.t('Keys by state'), 'state');
  private readonly lastUseCard = new Card(l10n.t('Keys by last use'), 'last-use');
  private readonly keysCard = new Card(l10n.t('API keys'), 'keys');
  private readonly stateChart: ChartTable;
  private readonly lastUseChart: ChartTable;
  private readonly grid: PagedGrid;
  private readonly loader: CardLoader;
  private readonly keyId: string | undefined;
  /** The keys grid's Status filter (issue 13), and each key's status reason for its cell's tooltip. */
  private readonly statusFilter: StatusFilter;
  private statusReasons = new Map<string, string>();

  constructor(private readonly context: ViewContext) {
    this.keyId = context.scope.vendor === 'runtype' ? context.scope.keyId : undefined;
    const chart = (card: Card, what: string): ChartTable =>
      new ChartTable(card, {
        chartLabel: l10n.t('Bar chart of {0}', what),
        horizontal: true,
        stacked: false,
        tableOpen: context.state.tableOpen(card.id),
        onTableToggle: (open) => context.state.setTableOpen(card.id, open),
      });
    this.stateChart = chart(this.stateCard, l10n.t('keys by state'));
    this.lastUseChart = chart(this.lastUseCard, l10n.t('keys by last use'));
    this.grid = new PagedGrid({
      label: l10n.t('API keys'),
      sortable: true,
      time: minuteLabel,
      onSort: (sort) => {
        context.state.setSort('keys', sort);
        context.changed();
      },
      isHighlighted: (row) => this.keyId !== undefined && row[ID_COLUMN] === this.keyId,
      cellTitle: (index, column) => {
        const row = this.grid.shown()?.rows[index];
        return column === STATUS_COLUMN && typeof row?.[ID_COLUMN] === 'string' ? this.statusReasons.get(row[ID_COLUMN]) : undefined;
      },
    });
    this.statusFilter = new StatusFilter(STATUS_WORDS.runtype, context.state.filterOf('keys'), (word) => {
      context.state.setFilter('keys', word);
      const shown = this.grid.shown();
      this.grid.setFilter(shown ? this.statusFilter.predicate(shown) : undefined);
      context.changed();
    });
    this.keysCard.controls.append(this.statusFilter.element);
    this.keysCard.body.append(this.grid.element);
    this.loader = new CardLoader([this.stateCard, this.lastUseCard, this.keysCard], context);
    this.element = h('div', {
      className: 'view runtype-view',
      children: [this.summary, h('div', { className: 'card-row', children: [this.stateCard.element, this.lastUseCard.element] }), this.keysCard.element],
    });
    context.setSubtitle(l10n.t('API keys and their last use · times in UTC'));
  }

  load(): void {
    this.loader.run(
      () => this.context.request('runtype.summary', {}),
      (summary) => {
        this.show(summary);
        this.context.changed();
      },
    );
  }

  snapshot(): ViewSnapshot {
    const tables: Table[] = [];
    const state = this.stateChart.table();
    const lastUse = this.lastUseChart.table();
    const keys = this.grid.shown();
    if (this.stateCard.showsData && state) tables.push(state);
    if (this.lastUseCard.showsData && lastUse) tables.push(lastUse);
    if (this.keysCard.showsData && keys) tables.push(keys);
    const filtered = this.keysCard.showsData ? this.statusFilter.note(l10n.t('API keys')) : undefined;
    return { notes: filtered ? [filtered] : [], tables };
  }

  restyle(): void {
    this.stateChart.restyle();
    this.lastUseChart.restyle();
  }

  private show(summary: RuntypeSummary): void {
    this.context.setSubtitle(l10n.t('API keys and their last use · as of {0} UTC', minuteLabel(summary.asOf)));
    const key = this.keyId === undefined ? undefined : summary.keys.find((candidate) => candidate.id === this.keyId);
    this.summary.replaceChildren(
      tiles([
        { label: l10n.t('Total keys'), value: formatCount(summary.totalKeys) },
        { label: l10n.t('Active'), value: formatCount(summary.activeKeys) },
        { label: l10n.t('Expired'), value: formatCount(summary.expiredKeys) },
        ...(this.keyId === undefined
          ? []
          : [
              key
                ? {
                    label: key.name ?? key.prefix ?? l10n.t('This key'),
                    value: key.active ? l10n.t('Active') : l10n.t('Inactive'),
                    detail: key.lastUsedAt !== undefined ? l10n.t('last used {0}', minuteLabel(key.lastUsedAt)) : l10n.t('last used never'),
                  }
                : { label: l10n.t('This key'), value: l10n.t('Not found'), detail: l10n.t('not in the account’s key breakdown') },
            ]),
      ]),
    );
    if (summary.totalKeys === 0 && summary.keys.length === 0) {
      for (const card of [this.stateCard, this.lastUseCard, this.keysCard]) card.empty(l10n.t('No API keys in this account.'));
      return;
    }
    const states = stateTable(summary);
    this.stateCard.ready();
    this.stateChart.render({ labels: states.rows.map((row) => String(row[0])), series: [{ key: 'keys', label: l10n.t('Keys'), color: STATE_COLORS, values: states.rows.map((row) => Number(row[1])) }], table: states });
    const lastUse = lastUseTable(summary);
    this.lastUseCard.ready();
    this.lastUseChart.render({ labels: lastUse.rows.map((row) => String(row[0])), series: [{ key: 'keys', label: l10n.t('Keys'), color: NEUTRAL_COLOR, values: lastUse.rows.map((row) => Number(row[1])) }], table: lastUse });
    this.keysCard.ready();
    this.statusReasons = new Map(summary.keys.flatMap((key) => (key.statusReason !== undefined ? [[key.id, l10n.t('{0}: {1}', key.status ?? '', key.statusReason)] as const] : [])));
    const table = keysTable(summary);
    this.grid.setFilter(this.statusFilter.predicate(table));
    this.grid.show(table, this.context.state.sortOf('keys') ?? { column: 'lastUsedAt', direction: 'descending' });
  }
}
