// What every vendor view gets from the panel, and what it gives back.
import type { HostMethod, Params, Result } from '../src/panel/protocol';
import type { PanelScope, Table } from '../src/panel/protocol-data';
import type { StateStore } from './state';

export interface ViewContext {
  scope: PanelScope;
  unkeyVersion: 'v1' | 'v2';
  request<M extends HostMethod>(method: M, params: Params<M>): Promise<Result<M>>;
  state: StateStore;
  describe(error: unknown): string;
  /** Has the host forget the failures it remembers for this panel's vendor (before a Retry). */
  forgetFailures(): Promise<unknown>;
  /** Sets the line under the panel's title (e.g. "As of …"). */
  setSubtitle(text: string): void;
  /** What the view shows changed (data, legend, sort): the host keeps the new snapshot for export. */
  changed(): void;
}

export interface ViewSnapshot {
  notes: string[];
  tables: Table[];
}

export interface PanelView {
  readonly element: HTMLElement;
  /** (Re)loads every card; a failing card keeps what it showed. */
  load(): void;
  /** Exactly what is on screen, as tables. */
  snapshot(): ViewSnapshot;
  /** Redraws in the current theme's colors. */
  restyle(): void;
}
