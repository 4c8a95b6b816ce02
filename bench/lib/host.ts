// Whether the test host (code-server, Debian's Chromium, playwright-core in test/host) is installed.
// No playwright import here: modules that need it are loaded only once this says yes.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, codeServerBin, hostDir } from '../../test/host/paths';

export function hostAvailable(): boolean {
  return existsSync(codeServerBin) && existsSync(chromiumPath) && existsSync(join(hostDir, 'node_modules', 'playwright-core'));
}

/** "VS Code 1.100.3 (code-server 4.100.3)", read from the installed host. */
export function hostDescription(): string {
  const version = (path: string): string => {
    try {
      return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? '?';
    } catch {
      return '?';
    }
  };
  const codeServer = join(hostDir, 'node_modules', 'code-server');
  return `VS Code ${version(join(codeServer, 'lib', 'vscode', 'package.json'))} (code-server ${version(join(codeServer, 'package.json'))})`;
}
