// A minimal in-process stand-in for the `vscode` module, so host code (activate, UsageService,
// TokenStore, KeyIndex) runs under plain Node for benchmarks. It keeps state where the code reads it
// back (settings, secrets, commands, events) and does nothing else: real-host figures come from
// code-server (bench/activation/host.ts); this stub's figures say what Keyscope's own code costs.

type Listener<T> = (event: T) => unknown;

export class Disposable {
  static from(...items: Array<{ dispose(): unknown }>): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  constructor(private readonly onDispose: () => unknown) {}
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Array<Listener<T>> = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((item) => item !== listener)));
  };
  fire(event: T): void {
    for (const listener of [...this.listeners]) listener(event);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(text: string): Uri {
    const url = new URL(text);
    return new Uri(url.protocol.replace(/:$/, ''), url.pathname);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path, ...parts].join('/').replace(/\/+/g, '/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class ThemeIcon {
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class TreeItem {
  constructor(
    readonly label: unknown,
    readonly collapsibleState?: number,
  ) {}
}

export class MarkdownString {
  isTrusted: unknown = false;
  supportHtml = false;
  constructor(readonly value = '') {}
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}

export class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

export class Hover {
  constructor(
    readonly contents: unknown,
    readonly range?: Range,
  ) {}
}

export class CancellationTokenSource {
  private readonly emitter = new EventEmitter<void>();
  readonly token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel(): void {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 } as const;
export const ExtensionMode = { Production: 1, Development: 2, Test: 3 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const QuickPickItemKind = { Separator: -1, Default: 0 } as const;
export const InputBoxValidationSeverity = { Info: 1, Warning: 2, Error: 3 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;
export const CodeActionKind = { QuickFix: { value: 'quickfix' } } as const;

/** What the stub remembers, for the benchmarks to set up and inspect. */
export const stubState = {
  settings: new Map<string, unknown>(),
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  hoverProviders: [] as unknown[],
  configurationChanged: new EventEmitter<{ affectsConfiguration(section: string): boolean }>(),
};

const noop = (): Disposable => new Disposable(() => undefined);

function logChannel(): Record<string, unknown> {
  const log = (): void => undefined;
  return { info: log, warn: log, error: log, debug: log, trace: log, append: log, appendLine: log, show: log, clear: log, dispose: log };
}

export const window = {
  createOutputChannel: (): Record<string, unknown> => logChannel(),
  createTreeView: (): Record<string, unknown> => ({
    dispose: (): void => undefined,
    onDidChangeVisibility: noop,
    onDidExpandElement: noop,
    onDidCollapseElement: noop,
    onDidChangeSelection: noop,
    visible: true,
    message: undefined,
    badge: undefined,
  }),
  registerTreeDataProvider: noop,
  registerWebviewPanelSerializer: noop,
  showInformationMessage: (): Promise<undefined> => Promise.resolve(undefined),
  showErrorMessage: (): Promise<undefined> => Promise.resolve(undefined),
  showWarningMessage: (): Promise<undefined> => Promise.resolve(undefined),
  setStatusBarMessage: noop,
  createStatusBarItem: (): Record<string, unknown> => ({ show: (): void => undefined, hide: (): void => undefined, dispose: (): void => undefined }),
  onDidChangeTextEditorSelection: noop,
  onDidChangeActiveTextEditor: noop,
  onDidChangeVisibleTextEditors: noop,
  tabGroups: { all: [], onDidChangeTabs: noop },
  activeTextEditor: undefined,
  visibleTextEditors: [],
};

export const commands = {
  registerCommand(id: string, handler: (...args: unknown[]) => unknown): Disposable {
    if (stubState.commands.has(id)) throw new Error(`command '${id}' already exists`);
    stubState.commands.set(id, handler);
    return new Disposable(() => stubState.commands.delete(id));
  },
  executeCommand(id: string, ...args: unknown[]): Promise<unknown> {
    const handler = stubState.commands.get(id);
    return Promise.resolve(handler?.(...args));
  },
};

export const workspace = {
  getConfiguration(section?: string): { get<T>(key: string, fallback?: T): T | undefined; inspect<T>(key: string): { key: string; globalValue?: T } } {
    const nameOf = (key: string): string => (section ? `${section}.${key}` : key);
    return {
      get<T>(key: string, fallback?: T): T | undefined {
        const name = nameOf(key);
        return stubState.settings.has(name) ? (stubState.settings.get(name) as T) : fallback;
      },
      // The stub's settings are the user's (settings the trust boundary reads through inspect()).
      inspect<T>(key: string): { key: string; globalValue?: T } {
        const name = nameOf(key);
        return stubState.settings.has(name) ? { key: name, globalValue: stubState.settings.get(name) as T } : { key: name };
      },
    };
  },
  onDidChangeConfiguration: stubState.configurationChanged.event,
  onDidOpenTextDocument: noop,
  onDidChangeTextDocument: noop,
  onDidCloseTextDocument: noop,
  onDidGrantWorkspaceTrust: noop,
  onDidChangeWorkspaceFolders: noop,
  createFileSystemWatcher: (): Record<string, unknown> => ({ onDidCreate: noop, onDidChange: noop, onDidDelete: noop, dispose: (): void => undefined }),
  isTrusted: true,
  textDocuments: [],
  workspaceFolders: undefined,
  workspaceFile: undefined,
};

export const languages = {
  registerHoverProvider(selector: unknown, provider: unknown): Disposable {
    stubState.hoverProviders.push(provider);
    return new Disposable(() => (stubState.hoverProviders = stubState.hoverProviders.filter((item) => item !== provider)));
  },
  registerCodeActionsProvider: noop,
  createDiagnosticCollection: (): Record<string, unknown> => ({ set: (): void => undefined, delete: (): void => undefined, clear: (): void => undefined, dispose: (): void => undefined }),
};

/** English only, as shipped: `{0}`-style arguments filled in. */
export const l10n = {
  t(message: string, ...args: unknown[]): string {
    return message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
  },
};

export const env = { clipboard: { writeText: (): Promise<void> => Promise.resolve() } };
