// Buttons, dropdowns and the progress ring, created from toolkit elements. Callers get plain
// HTMLElements and callbacks; only this folder knows the elements' tags and properties.
import { h } from '../dom';

export type ButtonAppearance = 'primary' | 'secondary' | 'icon';

export function button(label: string, onClick: () => void, options: { appearance?: ButtonAppearance; title?: string; ariaLabel?: string } = {}): HTMLElement {
  const element = h('vscode-button', { text: label, attrs: { appearance: options.appearance ?? 'secondary' } });
  if (options.title) element.setAttribute('title', options.title);
  if (options.ariaLabel) element.setAttribute('aria-label', options.ariaLabel);
  element.addEventListener('click', onClick);
  return element;
}

export function setButtonPressed(element: HTMLElement, pressed: boolean): void {
  element.setAttribute('aria-pressed', String(pressed));
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface Dropdown<T extends string> {
  element: HTMLElement;
  value(): T;
  set(value: T): void;
  setDisabled(disabled: boolean): void;
}

/** A labelled dropdown; `onChange` fires for a person's choice only. */
export function dropdown<T extends string>(label: string, choices: readonly Choice<T>[], initial: T, onChange: (value: T) => void): Dropdown<T> {
  const select = h('vscode-dropdown', { attrs: { 'aria-label': label, position: 'below' } }) as HTMLElement & { value: string; disabled: boolean };
  for (const choice of choices) {
    const option = h('vscode-option', { text: choice.label, attrs: { value: choice.value } });
    if (choice.value === initial) option.setAttribute('selected', '');
    select.append(option);
  }
  const known = new Set<string>(choices.map((choice) => choice.value));
  let current: T = initial;
  select.addEventListener('change', () => {
    const value = select.value;
    if (!known.has(value) || value === current) return;
    current = value as T;
    onChange(current);
  });
  const wrapper = h('label', { className: 'field', children: [h('span', { className: 'field-label', text: label }), select] });
  return {
    element: wrapper,
    value: () => current,
    set(value: T): void {
      current = value;
      select.value = value;
    },
    setDisabled(disabled: boolean): void {
      select.disabled = disabled;
    },
  };
}

export function progressRing(label: string): HTMLElement {
  return h('vscode-progress-ring', { attrs: { 'aria-label': label } });
}
