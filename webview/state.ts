// What the panel remembers across hide/show and window reload (vscode.setState): its scope (the
// host's serializer reads it back) and its controls. Read back through a schema, like any message.
import * as z from 'zod/mini';
import { BREAKDOWNS, GRANULARITIES } from '../src/panel/protocol';
import { DAILY_PRESETS } from '../src/panel/protocol-activity';
import { panelScopeSchema, type PanelScope } from '../src/panel/protocol-data';
import { OUTCOMES } from '../src/vendors/model';
import { RANGE_PRESETS } from './shape/range';
import type { VsCodeApi } from './vscode-api';

const sortSchema = z.strictObject({ column: z.string().check(z.maxLength(100)), direction: z.enum(['ascending', 'descending']) });

const unkeyControlsSchema = z.strictObject({
  preset: z.enum(RANGE_PRESETS),
  granularity: z.enum(GRANULARITIES),
  from: z.optional(z.string().check(z.maxLength(10))),
  to: z.optional(z.string().check(z.maxLength(10))),
  breakdown: z.enum(BREAKDOWNS),
  limit: z.int().check(z.minimum(2), z.maximum(100)),
  hidden: z.array(z.enum(OUTCOMES)).check(z.maxLength(OUTCOMES.length)),
});
export type UnkeyControls = z.infer<typeof unkeyControlsSchema>;

/** "Requests per day": the range chosen (custom days as yyyy-MM-dd). */
const dailyControlsSchema = z.strictObject({
  preset: z.enum(DAILY_PRESETS),
  from: z.optional(z.string().check(z.maxLength(10))),
  to: z.optional(z.string().check(z.maxLength(10))),
});
export type DailyControls = z.infer<typeof dailyControlsSchema>;

/** Pages of events or verifications kept on reload: the first and up to this many older ones in all. */
export const MAX_KEPT_PAGES = 20;

const savedStateSchema = z.strictObject({
  scope: panelScopeSchema,
  unkey: z.optional(unkeyControlsSchema),
  daily: z.optional(dailyControlsSchema),
  /** Per paged section (its card id): how many pages were shown. */
  pages: z.optional(z.record(z.string().check(z.maxLength(50)), z.int().check(z.minimum(1), z.maximum(MAX_KEPT_PAGES)))),
  /** Per grid: the status word its Status filter shows. */
  filters: z.optional(z.record(z.string().check(z.maxLength(50)), z.string().check(z.maxLength(50)))),
  sort: z.optional(z.record(z.string().check(z.maxLength(50)), sortSchema)),
  tables: z.optional(z.record(z.string().check(z.maxLength(50)), z.boolean())),
});
export type SavedState = z.infer<typeof savedStateSchema>;

export const DEFAULT_UNKEY_CONTROLS: UnkeyControls = { preset: '24h', granularity: 'hour', breakdown: 'key', limit: 10, hidden: [] };

export class StateStore {
  private state: SavedState;

  /** The saved state when it belongs to `scope`; a fresh one otherwise. */
  constructor(
    private readonly api: VsCodeApi,
    scope: PanelScope,
  ) {
    const saved = z.safeParse(savedStateSchema, api.getState());
    this.state = saved.success && JSON.stringify(saved.data.scope) === JSON.stringify(scope) ? saved.data : { scope };
    api.setState(this.state);
  }

  get(): Readonly<SavedState> {
    return this.state;
  }

  update(patch: Partial<Omit<SavedState, 'scope'>>): void {
    this.state = { ...this.state, ...patch };
    this.api.setState(this.state);
  }

  tableOpen(card: string): boolean {
    return this.state.tables?.[card] ?? false;
  }

  setTableOpen(card: string, open: boolean): void {
    this.update({ tables: { ...this.state.tables, [card]: open } });
  }

  sortOf(grid: string): z.infer<typeof sortSchema> | undefined {
    return this.state.sort?.[grid];
  }

  setSort(grid: string, sort: z.infer<typeof sortSchema>): void {
    this.update({ sort: { ...this.state.sort, [grid]: sort } });
  }

  filterOf(grid: string): string | undefined {
    return this.state.filters?.[grid];
  }

  setFilter(grid: string, word: string | undefined): void {
    const filters = Object.fromEntries(Object.entries(this.state.filters ?? {}).filter(([key]) => key !== grid));
    this.update({ filters: word === undefined ? filters : { ...filters, [grid]: word } });
  }

  pagesOf(section: string): number {
    return this.state.pages?.[section] ?? 1;
  }

  setPages(section: string, pages: number): void {
    this.update({ pages: { ...this.state.pages, [section]: Math.max(1, Math.min(MAX_KEPT_PAGES, pages)) } });
  }
}
