// The panel's heading: what it shows, a line about the data, and Refresh / Export actions.
import * as l10n from '@vscode/l10n';
import { h } from '../dom';
import { button } from '../toolkit/controls';

export interface HeaderActions {
  refresh(): void;
  exportAs(format: 'csv' | 'json'): void;
}

export class PanelHeader {
  readonly element: HTMLElement;
  private readonly subtitle: HTMLElement;
  private readonly status: HTMLElement;

  constructor(title: string, actions: HeaderActions) {
    this.subtitle = h('p', { className: 'subtitle' });
    this.status = h('p', { className: 'header-status', attrs: { role: 'status', 'aria-live': 'polite' } });
    this.element = h('header', {
      className: 'panel-header',
      children: [
        h('div', { className: 'titles', children: [h('h1', { text: title }), this.subtitle] }),
        h('div', {
          className: 'panel-actions',
          children: [
            button(l10n.t('Refresh'), actions.refresh, { title: l10n.t('Ask the vendor again (forgets cached answers)') }),
            button(l10n.t('Export CSV'), () => actions.exportAs('csv'), { title: l10n.t('Save what this panel shows as CSV') }),
            button(l10n.t('Export JSON'), () => actions.exportAs('json'), { title: l10n.t('Save what this panel shows as JSON') }),
          ],
        }),
        this.status,
      ],
    });
  }

  setSubtitle(text: string): void {
    this.subtitle.textContent = text;
  }

  /** A short message about the last action (e.g. an export that failed); empty clears it. */
  setStatus(text: string, isError = false): void {
    this.status.textContent = text;
    this.status.classList.toggle('is-error', isError);
  }
}
