// Shapes both sides of the panel protocol share beyond single messages: the panel's scope (also kept
// in the webview's saved state) and the snapshot of what a panel shows (for export).
// zod/mini: the webview bundles these schemas, and the mini build is a tenth of classic zod's size.
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const numericId = z.int().check(z.minimum(0), z.maximum(2_147_483_647));

/** A Cryptolens machine code, whole (the Web API log filters by it exactly). */
const machineCode = z.string().check(z.minLength(1), z.maxLength(500));

/**
 * What one panel shows: a vendor, a product/API, one key, or one device of a Cryptolens key (its
 * events filtered by the machine code). One panel per scope.
 */
export const panelScopeSchema = z.discriminatedUnion('vendor', [
  z
    .strictObject({ vendor: z.literal('cryptolens'), productId: numericId, keyId: z.optional(numericId), machineCode: z.optional(machineCode) })
    .check(z.refine((scope) => scope.machineCode === undefined || scope.keyId !== undefined, 'a machine code needs its key')),
  z.strictObject({ vendor: z.literal('unkey'), apiId: id, keyId: z.optional(id) }),
  z.strictObject({ vendor: z.literal('runtype'), keyId: z.optional(id) }),
]);
export type PanelScope = z.infer<typeof panelScopeSchema>;

/** One key per scope, on both ends: a second open of a scope reveals the panel already showing it. */
export function scopeKey(scope: PanelScope): string {
  switch (scope.vendor) {
    case 'cryptolens':
      return `cryptolens/${scope.productId}/${scope.keyId ?? ''}${scope.machineCode !== undefined ? `/${encodeURIComponent(scope.machineCode)}` : ''}`;
    case 'unkey':
      return `unkey/${scope.apiId}/${scope.keyId ?? ''}`;
    case 'runtype':
      return `runtype//${scope.keyId ?? ''}`;
  }
}

export const COLUMN_KINDS = ['text', 'count', 'percent', 'time'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** A table cell: a count, a percentage (0–100), Unix ms for a time, text, or nothing. */
const cellSchema = z.union([z.number(), z.string().check(z.maxLength(2_000)), z.null()]);
export type Cell = z.infer<typeof cellSchema>;

const columnSchema = z.strictObject({
  key: z.string().check(z.minLength(1), z.maxLength(100)),
  label: z.string().check(z.maxLength(200)),
  kind: z.enum(COLUMN_KINDS),
});
export type Column = z.infer<typeof columnSchema>;

export const tableSchema = z
  .strictObject({
    name: z.string().check(z.maxLength(200)),
    columns: z.array(columnSchema).check(z.minLength(1), z.maxLength(60)),
    rows: z.array(z.array(cellSchema).check(z.maxLength(60))).check(z.maxLength(200_000)),
  })
  .check(z.refine((table) => table.rows.every((row) => row.length === table.columns.length), 'every row has one cell per column'));
export type Table = z.infer<typeof tableSchema>;

/** Exactly what a panel shows, table by table, with the notes that qualify it (e.g. aggregation). */
export const snapshotSchema = z.strictObject({
  title: z.string().check(z.maxLength(500)),
  scope: panelScopeSchema,
  generatedAt: z.int().check(z.minimum(0)),
  notes: z.array(z.string().check(z.maxLength(1_000))).check(z.maxLength(20)),
  tables: z.array(tableSchema).check(z.maxLength(20)),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
