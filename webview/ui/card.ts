// A titled section of the panel with explicit states: loading, ready, empty ("no verifications in
// this range") and error. An error keeps the last good content on screen, with the error beside it.
import * as l10n from '@vscode/l10n';
import { h, uniqueId } from '../dom';
import { button, progressRing } from '../toolkit/controls';

export class Card {
  readonly element: HTMLElement;
  /** Buttons at the right of the title (e.g. the table toggle). */
  readonly actions: HTMLElement;
  /** Controls that shape this card's data (dropdowns). */
  readonly controls: HTMLElement;
  readonly body: HTMLElement;
  private readonly heading: HTMLElement;
  private readonly note: HTMLElement;
  private readonly status: HTMLElement;
  private hasContent = false;

  constructor(title: string, readonly id: string) {
    const headingId = uniqueId('card-title');
    this.heading = h('h2', { text: title, attrs: { id: headingId } });
    this.actions = h('div', { className: 'card-actions' });
    this.controls = h('div', { className: 'card-controls' });
    this.note = h('p', { className: 'card-note', attrs: { hidden: '' } });
    this.status = h('div', { className: 'card-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.body = h('div', { className: 'card-body' });
    this.element = h('section', {
      className: 'card is-loading',
      attrs: { 'aria-labelledby': headingId, 'data-card': id },
      children: [h('header', { className: 'card-header', children: [this.heading, this.actions] }), this.controls, this.note, this.status, this.body],
    });
  }

  setTitle(title: string): void {
    this.heading.textContent = title;
  }

  /** A qualifying line under the title (e.g. how a long series was bucketed); empty hides it. */
  setNote(text: string): void {
    this.note.textContent = text;
    this.note.toggleAttribute('hidden', text === '');
  }

  loading(): void {
    this.setState('loading');
    this.status.replaceChildren(h('span', { className: 'status-line', children: [progressRing(l10n.t('Loading')), h('span', { text: this.hasContent ? l10n.t('Updating…') : l10n.t('Loading…') })] }));
  }

  ready(): void {
    this.hasContent = true;
    this.setState('ready');
    this.status.replaceChildren();
  }

  empty(message: string): void {
    this.hasContent = false;
    this.setState('empty');
    this.status.replaceChildren(h('p', { className: 'empty-message', text: message }));
  }

  /** The token may not read this section: said once, with no Retry (asking again would be refused again). */
  denied(message: string): void {
    this.hasContent = false;
    this.setState('denied');
    this.status.replaceChildren(h('p', { className: 'denied-message', text: message }));
  }

  /** Shows the error; what the card showed before stays below it. */
  error(message: string, retry: () => void): void {
    this.setState('error');
    this.status.replaceChildren(
      h('div', {
        className: 'error-message',
        attrs: { role: 'alert' },
        children: [h('span', { className: 'error-text', text: message }), button(l10n.t('Retry'), retry, { appearance: 'secondary' })],
      }),
    );
  }

  /** True while the card shows data (also when an error is shown beside the last good data). */
  get showsData(): boolean {
    return this.hasContent;
  }

  private setState(state: 'loading' | 'ready' | 'empty' | 'error' | 'denied'): void {
    this.element.classList.remove('is-loading', 'is-ready', 'is-empty', 'is-error', 'is-denied');
    this.element.classList.add(`is-${state}`);
    this.element.classList.toggle('has-content', this.hasContent);
    this.element.dataset.state = state;
  }
}
