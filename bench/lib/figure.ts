// One measured figure as the table prints it and results.json keeps it.

export type Comparison = '<=' | '=';

export interface Budget {
  /** The figure must be `<=` this, or `=` this. */
  comparison: Comparison;
  limit: number;
  /** How the budget reads in the table, e.g. "≤ 15 ms". */
  text: string;
}

export interface Figure {
  /** The figure number and a short area name, e.g. "3 paging". */
  section: string;
  name: string;
  value: number;
  unit: string;
  budget?: Budget;
  /** True when a budget exists and the value misses it. */
  over: boolean;
  /** How it was measured, or why it is over. */
  note?: string;
  /** The runs the median came from, when there were several. */
  samples?: number[];
}

export interface FigureInput {
  section: string;
  name: string;
  value: number;
  unit: string;
  budget?: Budget;
  note?: string;
  samples?: number[];
}

export function figure(input: FigureInput): Figure {
  const { budget } = input;
  const over = budget === undefined ? false : budget.comparison === '=' ? input.value !== budget.limit : !(input.value <= budget.limit);
  return { ...input, over };
}

export function atMost(limit: number, unit: string): Budget {
  return { comparison: '<=', limit, text: `≤ ${formatNumber(limit)} ${unit}`.trim() };
}

export function exactly(limit: number, text = `= ${formatNumber(limit)}`): Budget {
  return { comparison: '=', limit, text };
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
