// Where the test host's pieces live, in one place so the runners and fixtures agree.
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..');
export const hostDir = __dirname;
export const codeServerBin = join(hostDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath = process.env.KEYSCOPE_CHROMIUM ?? '/usr/bin/chromium';
export const testResultsDir = join(repoRoot, 'test-results');
export const vsixPath = join(repoRoot, 'keyscope.vsix');
