// Loads Chart.js with only the parts the panel uses (see chart-parts.mts).
import type { Chart } from 'chart.js' with { 'resolution-mode': 'import' };

let chartClass: typeof Chart | undefined;

export async function loadCharts(): Promise<void> {
  // import(): chart.js is an ES module and this project type-checks as CommonJS; esbuild inlines it.
  chartClass ??= (await import('./chart-parts.mjs')).registeredChart();
}

/** The registered Chart class; loadCharts() must have resolved first. */
export function chartClassOrThrow(): typeof Chart {
  if (!chartClass) throw new Error('chart.js is not loaded yet');
  return chartClass;
}
