// The text of an export: what a panel shows (its snapshot) as CSV or JSON. Pure, so unit tests pin
// the exact bytes a person gets.
import type { Cell, Column, Snapshot, Table } from './protocol-data';

/** "2025-01-13T09:00:00Z": UTC, whole seconds, what spreadsheets and scripts parse. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function exportValue(column: Column, cell: Cell): string | number | null {
  if (cell === null) return null;
  if (column.kind === 'time' && typeof cell === 'number') return isoTime(cell);
  if (column.kind === 'percent' && typeof cell === 'number') return Math.round(cell * 10) / 10;
  return cell;
}

// A cell a spreadsheet would run as a formula (CSV injection): any string, in any column, may be untrusted.
const FORMULA_START = /^[=+\-@\t\r]/;
// Separators spreadsheets guess (a comma, or a semicolon in many locales), quotes and line breaks.
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

/** One CSV field: numbers as they are; strings neutralised (a leading ') and quoted when needed. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: string[]): string {
  return fields.join(',');
}

function csvTable(table: Table): string[] {
  return [
    csvField(table.name),
    csvLine(table.columns.map((column) => csvField(column.label))),
    ...table.rows.map((row) => csvLine(row.map((cell, index) => {
      const column = table.columns[index];
      return csvField(column ? exportValue(column, cell) : cell);
    }))),
  ];
}

/**
 * One section per table — its name, a header row, its rows — separated by an empty line; notes that
 * qualify the numbers (e.g. aggregation) come first. Lines end with CRLF (RFC 4180).
 */
export function snapshotToCsv(snapshot: Snapshot): string {
  const head = [csvField(snapshot.title), ...snapshot.notes.map((note) => csvField(note))];
  const sections = [head, ...snapshot.tables.map(csvTable)];
  return `${sections.map((lines) => lines.join('\r\n')).join('\r\n\r\n')}\r\n`;
}

/** Rows as objects keyed by column key; times as ISO strings, percentages rounded to 0.1. */
export function snapshotToJson(snapshot: Snapshot): string {
  const document = {
    title: snapshot.title,
    scope: snapshot.scope,
    generatedAt: isoTime(snapshot.generatedAt),
    notes: snapshot.notes,
    tables: snapshot.tables.map((table) => ({
      name: table.name,
      columns: table.columns,
      rows: table.rows.map((row) => Object.fromEntries(table.columns.map((column, index) => [column.key, exportValue(column, row[index] ?? null)]))),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** A file name from the scope: letters, digits, dots, dashes only (vendor ids are untrusted). */
export function exportFileName(snapshot: Snapshot, format: 'csv' | 'json'): string {
  const { scope } = snapshot;
  const parts: string[] = ['keyscope', scope.vendor];
  if (scope.vendor === 'cryptolens') parts.push(`product-${scope.productId}`);
  if (scope.vendor === 'unkey') parts.push(scope.apiId);
  if (scope.keyId !== undefined) parts.push(String(scope.keyId));
  parts.push(isoTime(snapshot.generatedAt).slice(0, 10));
  const name = parts.map((part) => part.replace(/[^A-Za-z0-9.-]+/g, '_').replace(/^[._]+/, '').slice(0, 60)).filter(Boolean).join('-');
  return `${name}.${format}`;
}
