#!/usr/bin/env node
// `npm run demo`: Keyscope from this repo in a real VS Code (code-server), against the vendor
// emulator, with every vendor's token already in SecretStorage. Prints the URL; Ctrl-C stops all.
// KEYSCOPE_DEMO_PORT picks code-server's port (default: a free one).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

function step(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`demo: ${what} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

step(process.execPath, ['test/host/install.mjs'], 'installing the VS Code host');
step('npm', ['run', '--silent', 'build'], 'building the extension');

// Loaded only now: the session needs playwright-core and code-server, which the step above installs.
const { runDemo } = await tsImport('../test/host/demo-session.ts', import.meta.url);
await runDemo(process.env.KEYSCOPE_DEMO_PORT ? Number(process.env.KEYSCOPE_DEMO_PORT) : undefined);
