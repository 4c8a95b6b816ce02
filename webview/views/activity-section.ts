// What the activity sections (issue 14) share: each has its own states — loading, ready, empty (a
// range or key without data), denied (the token may not read it) and error (beside the last good
// data, with Retry) — and only the newest answer counts. Paged sections add "Older …".
import { isPermissionMessage } from '../shape/activity-tables';
import { button } from '../toolkit/controls';
import type { Card } from '../ui/card';
import type { ViewContext } from '../view';

/** Shared by the sections: loading, then data, empty, denied or error, and only the newest answer counts. */
export abstract class Section {
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
          if (isPermissionMessage(message)) card.denied(`The token may not read ${what}: ${message}`);
          else card.error(message, () => void this.context.forgetFailures().finally(() => this.reload()));
        }
        this.context.changed();
      },
    );
  }

  abstract reload(): void;
}

/** Rows paged back with the vendor's cursor: the first page, then "Older …" appends the next. */
export abstract class PagedSection<Row> extends Section {
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
