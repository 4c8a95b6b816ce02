// What the activity sections (issue 14) share: each has its own states — loading, ready, empty (a
// range or key without data), denied (the token may not read it) and error (beside the last good
// data, with Retry) — and only the newest answer counts. Paged sections add "Older …".
import * as l10n from '@vscode/l10n';
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
          if (isPermissionMessage(message)) card.denied(l10n.t('The token may not read {0}: {1}', what, message));
          else card.error(message, () => void this.context.forgetFailures().finally(() => this.reload()));
        }
        this.context.changed();
      },
    );
  }

  abstract reload(): void;
}

/**
 * Rows paged back with the vendor's cursor: the first page, then "Older …" appends the next. How
 * many pages were shown is kept in the saved state, so a window reload or Keyscope: Refresh shows as
 * many again (each page one request, as when they were first asked for).
 */
export abstract class PagedSection<Row> extends Section {
  protected rows: Row[] = [];
  protected cursor: string | undefined;
  protected readonly older: HTMLElement;
  /** Pages received since the last reload, and how many it should show. */
  private pages = 0;
  private wanted = 1;
  /** Bumped by every reload: a page chained from an older load does not follow a newer one. */
  private loads = 0;

  constructor(
    context: ViewContext,
    cards: readonly Card[],
    olderLabel: string,
    /** The saved state's name for this section's page count (its card id). */
    private readonly stateKey: string,
  ) {
    super(context, cards);
    this.older = button(olderLabel, () => this.loadOlder(), { appearance: 'secondary' });
    this.older.classList.add('older-button');
    this.older.hidden = true;
  }

  reload(): void {
    this.rows = [];
    this.cursor = undefined;
    this.pages = 0;
    this.loads += 1;
    this.wanted = this.context.state.pagesOf(this.stateKey);
    this.fetch(undefined);
  }

  /** Starts again from the newest page only (e.g. another device was chosen). */
  protected restart(): void {
    this.context.state.setPages(this.stateKey, 1);
    this.reload();
  }

  private loadOlder(): void {
    if (this.cursor === undefined) return;
    this.wanted = this.pages + 1;
    this.context.state.setPages(this.stateKey, this.wanted);
    this.fetch(this.cursor);
  }

  protected abstract fetch(before: string | undefined): void;

  protected received(rows: readonly Row[], nextCursor: string | undefined): void {
    this.rows = [...this.rows, ...rows];
    this.cursor = nextCursor;
    this.pages += 1;
    this.older.hidden = nextCursor === undefined;
    if (this.pages < this.wanted && nextCursor !== undefined) {
      // Once this page is drawn: the next older page, until as many are shown as before.
      const load = this.loads;
      queueMicrotask(() => {
        if (load === this.loads && this.cursor === nextCursor) this.fetch(nextCursor);
      });
    }
  }
}
