// The Analytics panel's browser side: reads what this panel shows from the page (the host wrote its
// answer to init there; asked for only when missing), builds the vendor's view, which asks for its data
// at once, and registers the toolkit and Chart.js while the answers travel. Everything from the host
// is parsed first.
import './panel.css';
import * as l10n from '@vscode/l10n';
import { Endpoint } from '../src/panel/protocol-endpoint';
import { hostMethods, parseHostMessage, parseResult, webviewMethods, type HostMethod, type Params, type Result } from '../src/panel/protocol';
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

/** The init answer the host wrote into the page, checked as if it had come as a message. */
function initFromPage(): Result<'init'> | undefined {
  const content = document.querySelector('meta[name="keyscope-init"]')?.getAttribute('content');
  if (!content) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    return undefined;
  }
  const parsed = parseResult('init', raw);
  return parsed.success ? parsed.data : undefined;
}

/** The answers to the first requests the host wrote into the page (each checked when received). */
function preloadsFromPage(): unknown[] {
  const content = document.querySelector('meta[name="keyscope-preload"]')?.getAttribute('content');
  if (!content) return [];
  try {
    const parsed: unknown = JSON.parse(content);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

async function boot(): Promise<void> {
  performance.mark('keyscope:boot');
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
      if (request.method === 'reload') {
        endpoint.forgetPreloads();
        panel?.view.load();
      }
      return {};
    },
    describe: messageOf,
    warn: (text) => console.warn(`Keyscope panel: ${text}`),
  });
  window.addEventListener('message', (event: MessageEvent<unknown>) => void endpoint.receive(event.data));
  // The page is written once, when the panel opens; VS Code loads the same page again whenever it
  // recreates a hidden webview. Only the first load (no state saved yet) may trust what the page
  // says: later, settings (the Unkey version) and data may have changed, and the view asks.
  const firstLoad = api.getState() === undefined;
  // Answers the host wrote into the page: taken in as if sent, so they are checked the same way.
  if (firstLoad) for (const preload of preloadsFromPage()) void endpoint.receive(preload);
  // Started now, finished in this task's microtasks, after the view below has sent its first requests.
  const registered = Promise.all([registerToolkit(), loadCharts()]).then(() => performance.mark('keyscope:registered'));
  // A preloaded answer settles at once: no view draws before Chart.js and the toolkit are registered.
  const request = async <M extends HostMethod>(method: M, params: Params<M>): Promise<Result<M>> => {
    const result = (await endpoint.request(method, params)) as Result<M>;
    await registered;
    return result;
  };

  const start = async (fromPage?: Result<'init'>): Promise<void> => {
    app.setAttribute('aria-busy', 'true');
    let init: Result<'init'>;
    try {
      init = fromPage ?? (await request('init', {}));
      performance.mark('keyscope:init');
    } catch (error) {
      app.replaceChildren(h('div', { className: 'error-message', attrs: { role: 'alert' }, children: [h('span', { text: l10n.t('Could not start the panel: {0}', messageOf(error)) }), button(l10n.t('Retry'), () => void start())] }));
      app.setAttribute('aria-busy', 'false');
      return;
    }
    const header = new PanelHeader(init.title, {
      refresh: () => {
        header.setStatus('');
        endpoint.forgetPreloads();
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
    view.load();
    await registered;
    document.title = init.title;
    app.replaceChildren(header.element, view.element);
    app.setAttribute('aria-busy', 'false');
    app.dataset.vendor = init.scope.vendor;
    app.dataset.scope = scopeKey(init.scope);
    watchTheme(() => view.restyle());
  };
  await start(firstLoad ? initFromPage() : undefined);
}

void boot();
