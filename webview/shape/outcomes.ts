// How outcomes read and which theme colors draw them (distinct hues in light, dark and high contrast).
import * as l10n from '@vscode/l10n';
import { OUTCOMES, type Outcome } from '../../src/vendors/model';

export function outcomeLabel(outcome: Outcome): string {
  switch (outcome) {
    case 'valid':
      return l10n.t('Valid');
    case 'rateLimited':
      return l10n.t('Rate limited');
    case 'usageExceeded':
      return l10n.t('Usage exceeded');
    case 'disabled':
      return l10n.t('Disabled');
    case 'expired':
      return l10n.t('Expired');
    case 'forbidden':
      return l10n.t('Forbidden');
    case 'unauthorized':
      return l10n.t('Unauthorized');
    case 'notFound':
      return l10n.t('Not found');
    case 'insufficientPermissions':
      return l10n.t('Insufficient permissions');
  }
}

/** The labels as at load, in English (the chart benchmark draws with them); the panel asks outcomeLabel when it draws. */
export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, outcomeLabel(outcome)])) as Record<Outcome, string>;

/** A theme color variable and the fallback used when the theme does not define it. */
export interface ThemeColor {
  variable: string;
  fallback: string;
}

export const OUTCOME_COLORS: Readonly<Record<Outcome, ThemeColor>> = {
  valid: { variable: '--vscode-charts-green', fallback: '#388a34' },
  rateLimited: { variable: '--vscode-charts-yellow', fallback: '#bf8803' },
  usageExceeded: { variable: '--vscode-charts-orange', fallback: '#d18616' },
  disabled: { variable: '--vscode-terminal-ansiBrightBlack', fallback: '#808080' },
  expired: { variable: '--vscode-charts-purple', fallback: '#652d90' },
  forbidden: { variable: '--vscode-charts-red', fallback: '#e51400' },
  unauthorized: { variable: '--vscode-terminal-ansiMagenta', fallback: '#bc05bc' },
  notFound: { variable: '--vscode-charts-blue', fallback: '#1a85ff' },
  insufficientPermissions: { variable: '--vscode-terminal-ansiCyan', fallback: '#0598bc' },
};

export const SUCCESS_COLOR: ThemeColor = OUTCOME_COLORS.valid;
export const FAILURE_COLOR: ThemeColor = OUTCOME_COLORS.forbidden;
export const NEUTRAL_COLOR: ThemeColor = { variable: '--vscode-charts-blue', fallback: '#1a85ff' };
