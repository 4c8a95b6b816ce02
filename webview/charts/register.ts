// Loads Chart.js with only the parts the panel uses (see chart-parts.ts).
import type { Chart } from 'chart.js';

let chartClass: typeof Chart | undefined;

export async function loadCharts(): Promise<void> {
  chartClass ??= (await import('./chart-parts')).registeredChart();
}

/** The registered Chart class; loadCharts() must have resolved first. */
export function chartClassOrThrow(): typeof Chart {
  if (!chartClass) throw new Error('chart.js is not loaded yet');
  return chartClass;
}
