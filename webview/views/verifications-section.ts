// "Recent verifications" for an Unkey key (issue 14): its single verifications, newest first, 100 a
// page (Unkey API v2 only; on v1 the section says it needs v2).
import * as l10n from '@vscode/l10n';
import type { VerificationRow } from '../../src/panel/protocol-activity';
import type { Table } from '../../src/panel/protocol-data';
import { secondLabel, verificationsTable } from '../shape/activity-tables';
import { Card } from '../ui/card';
import { PagedGrid } from '../ui/paged-grid';
import type { ViewContext } from '../view';
import { PagedSection } from './activity-section';

/** An Unkey key: its single verifications, newest first, 100 a page (Unkey API v2 only). */
export class VerificationsSection extends PagedSection<VerificationRow> {
  readonly elements: HTMLElement[];
  private readonly card: Card;
  private readonly grid: PagedGrid;

  constructor(context: ViewContext) {
    const card = new Card(l10n.t('Recent verifications'), 'recent-verifications');
    super(context, [card], l10n.t('Older verifications'), 'recent-verifications');
    this.card = card;
    this.grid = new PagedGrid({ label: l10n.t('Recent verifications'), sortable: false, time: secondLabel });
    card.body.append(this.grid.element, this.older);
    this.elements = [card.element];
  }

  override reload(): void {
    if (this.context.unkeyVersion === 'v1') {
      this.card.empty(l10n.t('Recent verifications need Unkey API v2: Unkey v1 has no endpoint for single verifications (set keyscope.unkey.apiVersion to v2).'));
      this.card.element.dataset.reason = 'needs-v2';
      return;
    }
    super.reload();
  }

  protected fetch(before: string | undefined): void {
    this.run(
      () => this.context.request('unkey.recent', before !== undefined ? { before } : {}),
      (result) => {
        this.received(result.rows, result.nextCursor);
        if (this.rows.length === 0) {
          this.card.empty(l10n.t('No verifications of this key in the raw window Unkey keeps.'));
          return;
        }
        this.card.ready();
        this.card.setNote(
          this.cursor !== undefined
            ? l10n.t('{0} newest verifications; older ones load with “Older verifications”.', this.rows.length)
            : l10n.t('{0} newest verifications, all there are.', this.rows.length),
        );
        this.grid.show(verificationsTable(this.rows));
      },
      l10n.t('verifications (api.*.read_analytics permission)'),
    );
  }

  tables(): Table[] {
    const shown = this.grid.shown();
    return this.card.showsData && shown ? [shown] : [];
  }
}
