// What every Unkey endpoint handler works from.
import type { RootKeys } from './auth';
import type { ApiRecord, IdentityRecord, WorkspaceRecord } from './model';
import type { UnkeyStore } from './store';

export interface UnkeySettings {
  /** How far back a v2 query may reach (Unkey's per-workspace retention). */
  retentionDays: number;
  /** v2 analytics queries allowed per workspace per hour (Unkey: 1000). */
  analyticsQueriesPerHour: number;
  /** Rows a v2 analytics query may return. */
  maxRows: number;
}

export const DEFAULT_SETTINGS: UnkeySettings = { retentionDays: 90, analyticsQueriesPerHour: 1000, maxRows: 10_000 };

export interface UnkeyContext {
  readonly store: UnkeyStore;
  readonly rootKeys: RootKeys;
  readonly workspaces: ReadonlyMap<string, WorkspaceRecord>;
  /** The emulator's clock: v1 `end` defaults to it. */
  readonly now: number;
  readonly settings: UnkeySettings;
  nextRequestId(): string;
}

export function findApi(context: UnkeyContext, workspaceId: string, apiId: string): ApiRecord | undefined {
  return context.workspaces.get(workspaceId)?.apis.find((api) => api.id === apiId);
}

export function findIdentity(
  context: UnkeyContext,
  workspaceId: string,
  match: { id?: string; externalId?: string },
): IdentityRecord | undefined {
  return context.workspaces
    .get(workspaceId)
    ?.identities.find((identity) => identity.id === match.id || identity.externalId === match.externalId);
}

/** A ClickHouse string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
