// One cold activation of the production host bundle under plain Node with the vscode stub: the time
// to load the bundle, and activate() from its start until its promise resolves.
import '../vscode/register';
import * as vscode from 'vscode';
import { childInput, childMain, childResult } from '../lib/child';
import { createContext } from './context';

export interface InProcessInput {
  /** The production dist/extension.js. */
  bundle: string;
  extensionPath: string;
}

export interface ActivationSample {
  /** require() of the bundle: read, compile, run its top level. */
  loadMs: number;
  /** activate() called until it returned its promise (the synchronous part). */
  syncMs: number;
  /** activate() called until its promise resolved. */
  activateMs: number;
}

interface ExtensionModule {
  activate(context: unknown): Promise<unknown>;
  deactivate?(): void;
}

async function main(): Promise<never> {
  const input = childInput<InProcessInput>();
  const context = createContext(input.extensionPath, vscode.ExtensionMode.Production);
  const loadStarted = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const extension = require(input.bundle) as ExtensionModule;
  const loadMs = performance.now() - loadStarted;
  const started = performance.now();
  const pending = extension.activate(context);
  const syncMs = performance.now() - started;
  await pending;
  const activateMs = performance.now() - started;
  const sample: ActivationSample = { loadMs, syncMs, activateMs };
  childResult(sample);
}

childMain(main);
