#!/usr/bin/env node
// Installs the real VS Code host for Keyscope's integration and e2e tests: code-server and
// playwright-core in test/host/node_modules, plus the Debian packages they need.
// Idempotent: a working install is left untouched. `--apt-only` installs just the Debian packages
// (CI runs it before the root install, whose native modules need some of them too).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const hostDir = dirname(fileURLToPath(import.meta.url));
const codeServerBin = join(hostDir, 'node_modules', '.bin', 'code-server');
const chromiumBin = '/usr/bin/chromium';
const aptPackages = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium'];
// code-server 4.100.3 installs @vscode/ripgrep 1.15.11 in its postinstall, which wants this archive.
const ripgrepCacheDir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const ripgrepArchive = join(ripgrepCacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

function say(message) {
  console.log(`host:install: ${message}`);
}

function fail(message) {
  console.error(`host:install: FAILED: ${message}`);
  process.exit(1);
}

function run(command, args, options = {}) {
  say(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) fail(`could not start ${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

function wantedVersion(name) {
  const manifest = JSON.parse(readFileSync(join(hostDir, 'package.json'), 'utf8'));
  return manifest.dependencies[name];
}

function installedVersion(name) {
  const file = join(hostDir, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

// code-server's postinstall builds VS Code's native modules and fetches rg; `--version` works without them.
const postinstallOutputs = [
  'node_modules/node-pty/build/Release/pty.node',
  'node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/@vscode/ripgrep/bin/rg',
  'extensions/node_modules',
].map((file) => join(hostDir, 'node_modules', 'code-server', 'lib', 'vscode', file));

function codeServerProblem() {
  if (!existsSync(codeServerBin)) return `${codeServerBin} does not exist`;
  const missing = postinstallOutputs.filter((file) => !existsSync(file));
  if (missing.length > 0) return `code-server's postinstall did not finish; missing: ${missing.join(', ')}`;
  const result = spawnSync(codeServerBin, ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) return `code-server --version exited with ${result.status ?? result.signal}: ${result.stderr}`;
  // Its first run in a new HOME prints "Wrote default config file to …" before the version line.
  const versionLine = `${wantedVersion('code-server')} `;
  if (!result.stdout.split('\n').some((line) => line.startsWith(versionLine))) return `code-server --version printed: ${result.stdout}`;
  return undefined;
}

function hostIsInstalled() {
  return (
    codeServerProblem() === undefined &&
    installedVersion('playwright-core') === wantedVersion('playwright-core') &&
    existsSync(chromiumBin)
  );
}

function missingAptPackages() {
  return aptPackages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function installAptPackages() {
  if (!existsSync('/usr/bin/dpkg-query')) {
    if (!existsSync(chromiumBin)) fail(`no dpkg on this machine and no ${chromiumBin}: install Chromium there by hand`);
    say('not a Debian system; skipping apt packages');
    return;
  }
  const missing = missingAptPackages();
  if (missing.length === 0) {
    say('apt packages already installed');
    return;
  }
  if (process.getuid?.() !== 0) {
    fail(`missing Debian packages and not root: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

// @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here; an archive of
// Debian's rg in its cache dir satisfies it. Harmless where GitHub is reachable.
function prepareRipgrepCache() {
  if (process.platform !== 'linux' || process.arch !== 'x64') return;
  if (existsSync(ripgrepArchive)) {
    say(`ripgrep cache present: ${ripgrepArchive}`);
    return;
  }
  if (!existsSync('/usr/bin/rg')) {
    say('no /usr/bin/rg; @vscode/ripgrep will try to download rg itself');
    return;
  }
  mkdirSync(ripgrepCacheDir, { recursive: true });
  run('tar', ['-czf', ripgrepArchive, '-C', '/usr/bin', 'rg']);
}

function installNodePackages() {
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`, which would otherwise stop to ask.
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  // node-gyp builds the native modules against Node's headers, which it downloads from nodejs.org
  // (unreachable here) unless nodedir names a copy; Node's own install ships them, e.g. /usr/include/node.
  const nodePrefix = dirname(dirname(process.execPath));
  if (!env.npm_config_nodedir && existsSync(join(nodePrefix, 'include', 'node', 'common.gypi'))) {
    env.npm_config_nodedir = nodePrefix;
  }
  run('npm', ['ci'], { cwd: hostDir, env });
}

function main() {
  if (process.argv.includes('--apt-only')) {
    installAptPackages();
    return;
  }
  if (hostIsInstalled()) {
    say(`already installed (code-server ${wantedVersion('code-server')}, playwright-core ${wantedVersion('playwright-core')}, ${chromiumBin}); nothing to do`);
    return;
  }
  const started = Date.now();
  installAptPackages();
  prepareRipgrepCache();
  say('installing code-server and playwright-core into test/host/node_modules (about 3 minutes)');
  installNodePackages();
  const problem = codeServerProblem();
  if (problem) fail(`after npm ci: ${problem}`);
  if (!existsSync(chromiumBin)) fail(`${chromiumBin} is missing: apt-get install chromium`);
  say(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

main();
