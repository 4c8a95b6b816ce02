// A panel's host side for benches that ask the handler directly (no webview): the bench's usage
// service, Unkey v2, nothing saved, opened or shown.
import type { PanelContext } from '../../src/panel/handler';
import type { PanelScope } from '../../src/panel/protocol-data';
import type { Keyscope } from './keyscope';

export function benchPanelContext(keyscope: Keyscope, scope: PanelScope, signal: AbortSignal = new AbortController().signal): PanelContext {
  return {
    scope,
    title: 'bench',
    usage: keyscope.usage,
    unkeyVersion: () => 'v2',
    save: async () => false,
    open: async () => undefined,
    shown: () => undefined,
    signal,
  };
}
