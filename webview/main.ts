// The Analytics panel's browser side: registers the toolkit and Chart.js, asks the host what this
// panel shows (init), then builds the vendor's view. Everything from the host is parsed first.
import './panel.css';
import * as l10n from '@vscode/l10n';
import { Endpoint } from '../src/panel/protocol-endpoint';
import { hostMethods, parseHostMessage, webviewMethods, type HostMethod, type Params, type Result } from '../src/panel/protocol';
import { scopeKey, type PanelScope, type Snapshot } from '../src/panel/protocol-data';
import { loadCharts } from './charts/register';
import { h } from './dom';
import { StateStore } from './state';
import { watchTheme } from './theme';
import { button } from './toolkit/controls';
import { registerToolkit } from './toolkit/register';
import { PanelHeader } from './ui/header';
import type { PanelView, ViewContext } from './view';
import { CryptolensView } from './views/cryptolens-view';
import { RuntypeView } from './views/runtype-view';
import { UnkeyView } from './views/unkey-view';
import { vscodeApi } from './vscode-api';
import { useHostBundle } from './l10n';

interface Panel {
  scope: PanelScope;
  title: string;
  view: PanelView;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function createView(context: ViewContext): PanelView {
  switch (context.scope.vendor) {
    case 'unkey':
      return new UnkeyView(context);
    case 'cryptolens':
      return new CryptolensView(context);
    case 'runtype':
      return new RuntypeView(context);
  }
}

async function boot(): Promise<void> {
  const api = vscodeApi();
  const app = document.getElementById('app') ?? document.body;
  useHostBundle(app);
  let panel: Panel | undefined;

  const snapshot = (): Snapshot => {
    if (!panel) throw new Error(l10n.t('the panel is still loading'));
    const { notes, tables } = panel.view.snapshot();
    return { title: panel.title, scope: panel.scope, generatedAt: Date.now(), notes, tables };
  };
  const endpoint = new Endpoint({
    incoming: webviewMethods,
    outgoing: hostMethods,
    parse: parseHostMessage,
    post: (message) => api.postMessage(message),
    // The host's only request, after "Keyscope: Refresh": load again with the current controls.
    answer: async (request) => {
      if (request.method === 'reload') panel?.view.load();
      return {};
    },
    describe: messageOf,
    warn: (text) => console.warn(`Keyscope panel: ${text}`),
  });
  window.addEventListener('message', (event: MessageEvent<unknown>) => void endpoint.receive(event.data));
  const request = <M extends HostMethod>(method: M, params: Params<M>): Promise<Result<M>> => endpoint.request(method, params) as Promise<Result<M>>;

  await Promise.all([registerToolkit(), loadCharts()]);

  const start = async (): Promise<void> => {
    app.setAttribute('aria-busy', 'true');
    let init: Result<'init'>;
    try {
      init = await request('init', {});
    } catch (error) {
      app.replaceChildren(h('div', { className: 'error-message', attrs: { role: 'alert' }, children: [h('span', { text: l10n.t('Could not start the panel: {0}', messageOf(error)) }), button(l10n.t('Retry'), () => void start())] }));
      app.setAttribute('aria-busy', 'false');
      return;
    }
    const header = new PanelHeader(init.title, {
      refresh: () => {
        header.setStatus('');
        void request('refresh', {}).then(() => panel?.view.load(), (error: unknown) => header.setStatus(messageOf(error), true));
      },
      exportAs: (format) => {
        header.setStatus('');
        let current: Snapshot;
        try {
          current = snapshot();
        } catch (error) {
          header.setStatus(messageOf(error), true);
          return;
        }
        void request('export', { format, snapshot: current }).then(
          (result) => header.setStatus(result.saved ? (format === 'csv' ? l10n.t('Exported CSV.') : l10n.t('Exported JSON.')) : ''),
          (error: unknown) => header.setStatus(l10n.t('Export failed: {0}', messageOf(error)), true),
        );
      },
    });
    let publishing = false;
    const publish = (): void => {
      // Several cards render in one turn: one message for all of them.
      if (publishing) return;
      publishing = true;
      queueMicrotask(() => {
        publishing = false;
        void request('shown', { snapshot: snapshot() }).catch((error: unknown) => console.warn(`Keyscope panel: ${messageOf(error)}`));
      });
    };
    const context: ViewContext = {
      scope: init.scope,
      unkeyVersion: init.unkeyVersion,
      request,
      state: new StateStore(api, init.scope),
      describe: messageOf,
      forgetFailures: () => request('retry', {}),
      setSubtitle: (text) => header.setSubtitle(text),
      changed: publish,
    };
    const view = createView(context);
    panel = { scope: init.scope, title: init.title, view };
    document.title = init.title;
    app.replaceChildren(header.element, view.element);
    app.setAttribute('aria-busy', 'false');
    app.dataset.vendor = init.scope.vendor;
    app.dataset.scope = scopeKey(init.scope);
    view.load();
    watchTheme(() => view.restyle());
  };
  await start();
}

void boot();
