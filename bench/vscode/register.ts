// Makes `require('vscode')` return bench/vscode/stub.ts in this process, whether this file runs under
// tsx or bundled into plain JavaScript. Import this before anything that imports 'vscode'.
import Module from 'node:module';
import * as stub from './stub';

interface Loader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const loader = Module as unknown as Loader;
const original = loader._load.bind(Module);
loader._load = (request, parent, isMain) => (request === 'vscode' ? stub : original(request, parent, isMain));
