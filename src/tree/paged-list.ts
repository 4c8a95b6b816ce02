import type { Page } from '../vendors/model';

/** The pages a tree parent has loaded so far, and where the next one starts. */
export class PagedList<T> {
  private items: T[] = [];
  private cursor: string | undefined;
  private started = false;

  constructor(private readonly fetch: (cursor: string | undefined) => Promise<Page<T>>) {}

  get loaded(): readonly T[] {
    return this.items;
  }

  get hasMore(): boolean {
    return !this.started || this.cursor !== undefined;
  }

  /** Loads the first page once; later calls return what is loaded. */
  async first(): Promise<readonly T[]> {
    if (!this.started) await this.more();
    return this.items;
  }

  /** Appends the next page. On failure nothing already loaded is lost. */
  async more(): Promise<void> {
    if (!this.hasMore) return;
    const page = await this.fetch(this.cursor);
    this.started = true;
    this.items = [...this.items, ...page.items];
    this.cursor = page.nextCursor;
  }
}
