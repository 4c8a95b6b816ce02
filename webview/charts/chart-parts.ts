// The Chart.js parts the panel draws with, imported by name so the bundle holds only these: bar
// charts on category/linear scales, with tooltips (legends are our own HTML buttons, so they are
// keyboard accessible). register.ts loads it on first use.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

export function registeredChart(): typeof Chart {
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);
  return Chart;
}
