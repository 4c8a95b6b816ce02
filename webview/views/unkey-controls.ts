// The Unkey view's range controls: preset, granularity, and custom dates (UTC days), as the API
// version in use can answer them (v2 keeps 90 days).
import * as l10n from '@vscode/l10n';
import { GRANULARITIES, type Granularity, type UnkeyApiVersion } from '../../src/panel/protocol';
import { h } from '../dom';
import { customDatesFor, offeredPreset, PRESET_GRANULARITY, presetLabel, presetsFor, resolveRange, type RangeChoice, type RangeResult } from '../shape/range';
import { dayText } from '../shape/time';
import { dropdown } from '../toolkit/controls';
import { dateInput, labelled } from '../ui/date-field';

const granularityLabel = (granularity: Granularity): string =>
  granularity === 'hour' ? l10n.t('By hour') : granularity === 'day' ? l10n.t('By day') : l10n.t('By month');

export class RangeControls {
  readonly element: HTMLElement;
  private choice: RangeChoice;
  private readonly from: HTMLInputElement;
  private readonly to: HTMLInputElement;
  private readonly custom: HTMLElement;
  private readonly message: HTMLElement;
  private readonly granularity;

  constructor(
    initial: RangeChoice,
    private readonly version: UnkeyApiVersion,
    onChange: (choice: RangeChoice) => void,
  ) {
    this.choice = { ...initial, preset: offeredPreset(initial.preset, version) };
    const preset = dropdown(
      l10n.t('Range'),
      presetsFor(version).map((value) => ({ value, label: presetLabel(value) })),
      this.choice.preset,
      (value) => {
        const next: RangeChoice = { ...this.choice, preset: value, granularity: PRESET_GRANULARITY[value] };
        if (value === 'custom' && (!next.from || !next.to)) Object.assign(next, customDatesFor(this.choice, Date.now(), this.version));
        this.granularity.set(next.granularity);
        this.apply(next, onChange);
      },
    );
    this.granularity = dropdown(
      l10n.t('Granularity'),
      GRANULARITIES.map((value) => ({ value, label: granularityLabel(value) })),
      this.choice.granularity,
      (value) => this.apply({ ...this.choice, granularity: value }, onChange),
    );
    this.from = dateInput(l10n.t('From (UTC)'), initial.from);
    this.to = dateInput(l10n.t('To (UTC)'), initial.to);
    const dateChanged = (): void => this.apply({ ...this.choice, from: this.from.value, to: this.to.value }, onChange);
    this.from.addEventListener('change', dateChanged);
    this.to.addEventListener('change', dateChanged);
    this.custom = h('div', {
      className: 'custom-range',
      children: [labelled(l10n.t('From (UTC)'), this.from), labelled(l10n.t('To (UTC)'), this.to)],
    });
    this.message = h('p', { className: 'range-message', attrs: { role: 'status', 'aria-live': 'polite', hidden: '' } });
    this.element = h('div', { className: 'range-controls', children: [preset.element, this.granularity.element, this.custom, this.message] });
    this.sync();
  }

  current(): RangeChoice {
    return this.choice;
  }

  /** The range to ask for now; the reason it cannot be used, or what was changed to fit the vendor, is shown. */
  resolve(now: number): RangeResult {
    const result = resolveRange(this.choice, now, this.version);
    const text = result.ok ? (result.note ?? '') : result.error;
    this.message.textContent = text;
    this.message.classList.toggle('is-error', !result.ok);
    this.message.toggleAttribute('hidden', text === '');
    return result;
  }

  private apply(choice: RangeChoice, onChange: (choice: RangeChoice) => void): void {
    this.choice = choice;
    this.sync();
    onChange(choice);
  }

  private sync(): void {
    const custom = this.choice.preset === 'custom';
    this.custom.toggleAttribute('hidden', !custom);
    if (custom) {
      this.from.value = this.choice.from ?? '';
      this.to.value = this.choice.to ?? '';
      this.to.max = dayText(Date.now());
      this.from.max = dayText(Date.now());
    }
  }
}
