// The outcome legend: one toggle button per outcome (Tab to reach, Space/Enter to toggle). Hiding
// an outcome hides it in every chart and table of the view, and in exports.
import * as l10n from '@vscode/l10n';
import { OUTCOMES, type Outcome } from '../../src/vendors/model';
import { h } from '../dom';
import { OUTCOME_COLORS, outcomeLabel } from '../shape/outcomes';
import { patternCss, patternOf } from '../charts/patterns';
import { themeColor } from '../theme';

export class OutcomeLegend {
  readonly element: HTMLElement;
  private readonly swatches = new Map<Outcome, HTMLElement>();
  private readonly buttons = new Map<Outcome, HTMLButtonElement>();

  constructor(
    private hidden: Set<Outcome>,
    private readonly onChange: (hidden: ReadonlySet<Outcome>) => void,
  ) {
    this.element = h('div', { className: 'legend', attrs: { role: 'group', 'aria-label': l10n.t('Outcomes shown') } });
    for (const outcome of OUTCOMES) {
      const swatch = h('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
      const toggle = h('button', {
        className: 'legend-item',
        attrs: { type: 'button', 'data-outcome': outcome },
        children: [swatch, h('span', { text: outcomeLabel(outcome) })],
      });
      toggle.addEventListener('click', () => this.toggle(outcome));
      this.swatches.set(outcome, swatch);
      this.buttons.set(outcome, toggle);
      this.element.append(toggle);
    }
    this.update();
  }

  visible(): Outcome[] {
    return OUTCOMES.filter((outcome) => !this.hidden.has(outcome));
  }

  restyle(): void {
    for (const [outcome, swatch] of this.swatches) {
      const color = themeColor(OUTCOME_COLORS[outcome]);
      swatch.style.backgroundColor = color;
      // The chart's pattern for this outcome, so the legend matches without relying on colour.
      swatch.style.backgroundImage = patternCss(patternOf(outcome, 0), color);
    }
  }

  private toggle(outcome: Outcome): void {
    const hidden = new Set(this.hidden);
    if (hidden.has(outcome)) hidden.delete(outcome);
    // At least one outcome stays: an empty chart reads like missing data.
    else if (hidden.size < OUTCOMES.length - 1) hidden.add(outcome);
    this.hidden = hidden;
    this.update();
    this.onChange(hidden);
  }

  private update(): void {
    for (const [outcome, toggle] of this.buttons) {
      const shown = !this.hidden.has(outcome);
      toggle.setAttribute('aria-pressed', String(shown));
      toggle.title = shown ? l10n.t('Hide {0}', outcomeLabel(outcome)) : l10n.t('Show {0}', outcomeLabel(outcome));
    }
    this.restyle();
  }
}
