// A UTC day picker with its visible label, as the range controls (Unkey, requests per day) use it.
import { h } from '../dom';

export function dateInput(label: string, value?: string): HTMLInputElement {
  const input = h('input', { className: 'date-input', attrs: { type: 'date', 'aria-label': label } });
  input.value = value ?? '';
  return input;
}

export function labelled(text: string, control: HTMLElement): HTMLElement {
  return h('label', { className: 'field', children: [h('span', { className: 'field-label', text }), control] });
}
