// An ExtensionContext for activate() outside VS Code: the members Keyscope (or any extension) reads.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { MemorySecrets } from '../vscode/memory-secrets';

class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, fallback?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  update(key: string, value: unknown): Thenable<void> {
    this.values.set(key, value);
    return Promise.resolve();
  }
}

/** The context as a plain record: activate() of a bundle loaded with require() is untyped anyway. */
export function createContext(extensionPath: string, mode: vscode.ExtensionMode): Record<string, unknown> {
  const extensionUri = vscode.Uri.file(extensionPath);
  const storage = join(extensionPath, '.bench-storage');
  return {
    subscriptions: [] as Array<{ dispose(): unknown }>,
    secrets: new MemorySecrets(),
    globalState: Object.assign(new MemoryMemento(), { setKeysForSync: (): void => undefined }),
    workspaceState: new MemoryMemento(),
    extensionMode: mode,
    extensionUri,
    extensionPath,
    asAbsolutePath: (relative: string): string => join(extensionPath, relative),
    storageUri: vscode.Uri.file(storage),
    globalStorageUri: vscode.Uri.file(storage),
    logUri: vscode.Uri.file(storage),
    storagePath: storage,
    globalStoragePath: storage,
    logPath: storage,
    environmentVariableCollection: {},
    extension: { id: 'keyscope.keyscope', extensionUri, extensionPath, isActive: true, packageJSON: {} },
  };
}
