// The Status filter of a per-key grid (issue 13): "All statuses" or one status word of the vendor's.
// It keeps the grid's rows whose Status cell holds that word; the choice is kept in the saved state.
import * as l10n from '@vscode/l10n';
import type { Cell, Table } from '../../src/panel/protocol-data';
import { dropdown, type Dropdown } from '../toolkit/controls';

export const ALL_STATUSES = 'all';

export class StatusFilter {
  private readonly control: Dropdown<string>;

  constructor(
    words: readonly string[],
    initial: string | undefined,
    onChange: (word: string | undefined) => void,
  ) {
    const start = initial !== undefined && words.includes(initial) ? initial : ALL_STATUSES;
    this.control = dropdown(l10n.t('Status'), [{ value: ALL_STATUSES, label: l10n.t('All statuses') }, ...words.map((word) => ({ value: word, label: word }))], start, (value) =>
      onChange(value === ALL_STATUSES ? undefined : value),
    );
  }

  get element(): HTMLElement {
    return this.control.element;
  }

  /** The word chosen, or undefined for every status. */
  word(): string | undefined {
    const value = this.control.value();
    return value === ALL_STATUSES ? undefined : value;
  }

  /** The row test for `table`'s Status column, or undefined when every row is shown. */
  predicate(table: Pick<Table, 'columns'>): ((row: readonly Cell[]) => boolean) | undefined {
    const word = this.word();
    const index = table.columns.findIndex((column) => column.key === 'status');
    return word === undefined || index < 0 ? undefined : (row) => row[index] === word;
  }

  /** The export note for a filtered table, e.g. "License keys: only keys whose status is Expired". */
  note(tableName: string): string | undefined {
    const word = this.word();
    return word === undefined ? undefined : l10n.t('{0}: only keys whose status is {1} (Status filter)', tableName, word);
  }
}
