// Finds files that contain a secret: every log file and every settings file of a VS Code profile.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((relative) => join(dir, relative))
    .filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile() === true);
}

/** Log files under <userDataDir>/logs and every settings.json / *.code-workspace under the given roots. */
export function filesToScan(userDataDir: string, otherRoots: string[] = []): string[] {
  const logs = filesUnder(join(userDataDir, 'logs'));
  const settings = [userDataDir, ...otherRoots]
    .flatMap(filesUnder)
    .filter((file) => basename(file) === 'settings.json' || file.endsWith('.code-workspace'));
  return [...new Set([...logs, ...settings])];
}

/** The files whose bytes contain the secret. */
export function filesContaining(files: string[], secret: string): string[] {
  const needle = Buffer.from(secret);
  return files.filter((file) => {
    try {
      return readFileSync(file).includes(needle);
    } catch {
      return false;
    }
  });
}
