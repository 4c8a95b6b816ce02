// Looks for tokens in every place text could land: every file of a VS Code profile (logs, settings,
// state, exports), the browser's storage, webview documents, and texts shown to the person. Tokens
// are searched as UTF-8, UTF-16 and base64 bytes; a hit names the place, never the token.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '../../host/playwright-types';

export interface SecretHit {
  place: string;
  /** Which token (its index in the list): the token itself is never printed. */
  token: number;
  encoding: string;
}

export interface ScanResult {
  places: number;
  bytes: number;
  hits: SecretHit[];
}

function needles(token: string): [string, Buffer][] {
  return [
    ['utf8', Buffer.from(token, 'utf8')],
    ['utf16le', Buffer.from(token, 'utf16le')],
    ['base64', Buffer.from(Buffer.from(token, 'utf8').toString('base64').replace(/=+$/, ''), 'utf8')],
    ['url-encoded', Buffer.from(encodeURIComponent(token), 'utf8')],
  ];
}

export function scanBytes(place: string, bytes: Buffer, tokens: readonly string[], result: ScanResult): void {
  result.places += 1;
  result.bytes += bytes.length;
  tokens.forEach((token, index) => {
    for (const [encoding, needle] of needles(token)) if (needle.length >= 8 && bytes.includes(needle)) result.hits.push({ place, token: index, encoding });
  });
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => join(dir, entry))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
}

/** Every file under `root` (a profile: user data, logs, state, workspace, code-server's own files), raw bytes. */
export function scanTree(root: string, tokens: readonly string[], result: ScanResult, skip: RegExp = /(^|\/)extensions\//, scanned: string[] = []): void {
  for (const file of filesUnder(root)) {
    const name = relative(root, file);
    if (skip.test(name)) continue;
    scanned.push(name);
    try {
      scanBytes(name, readFileSync(file), tokens, result);
    } catch {
      // A file removed while scanning (a log rotated) holds nothing any more.
    }
  }
}

// Plain JavaScript, run in the page as written (a TypeScript function would carry the transpiler's helpers).
const STORAGE_DUMP = `(async () => {
  const parts = [];
  for (const storage of [localStorage, sessionStorage]) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i) || '';
      parts.push(key + '=' + (storage.getItem(key) || ''));
    }
  }
  const toText = (value) => {
    if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
    if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
    try { return JSON.stringify(value); } catch { return String(value); }
  };
  const request = (r) => new Promise((resolve) => { r.onsuccess = () => resolve(r.result); r.onerror = () => resolve([]); });
  for (const info of await indexedDB.databases()) {
    if (!info.name) continue;
    const db = await request(indexedDB.open(info.name));
    for (const store of Array.from(db.objectStoreNames)) {
      const keys = await request(db.transaction(store, 'readonly').objectStore(store).getAllKeys());
      const records = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
      parts.push(info.name + '/' + store, ...keys.map(toText), ...records.map(toText));
    }
    db.close();
  }
  return parts.join('\\n');
})()`;

/** The workbench's browser storage: localStorage, sessionStorage and every IndexedDB record, as text. */
export async function browserStorage(page: Page): Promise<string> {
  return page.evaluate<string>(STORAGE_DUMP);
}

export function describeScan(result: ScanResult): string {
  return `${result.hits.length === 0 ? 0 : result.hits.length} hits in ${result.places} places (${(result.bytes / 1024).toFixed(0)} KiB scanned)`;
}

/**
 * For other suites (the e2e fixture's close(), after code-server has stopped): the places under a
 * profile root that hold any of `tokens`, as "file (encoding)"; empty when none does.
 */
export function scanProfileForSecrets(root: string, tokens: readonly string[]): string[] {
  const result: ScanResult = { places: 0, bytes: 0, hits: [] };
  scanTree(root, tokens, result);
  return result.hits.map((hit) => `${hit.place} (${hit.encoding})`);
}
