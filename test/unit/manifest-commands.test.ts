// package.json declares exactly the commands the code names (src/command-ids.ts); the public ones have
// a title and the Keyscope category, the rest stay out of the command palette.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COMMANDS, PUBLIC_COMMANDS } from '../../src/command-ids';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { commands: { command: string; title: string; category?: string }[]; menus: { commandPalette: { command: string; when: string }[] } };
};

describe('manifest: commands', () => {
  it('declares exactly the commands src/command-ids.ts names', () => {
    assert.deepEqual(manifest.contributes.commands.map((command) => command.command).sort(), Object.values(COMMANDS).sort());
  });

  it('shows the public commands in the palette with the Keyscope category, and hides the others', () => {
    const hidden = new Set(manifest.contributes.menus.commandPalette.filter((entry) => entry.when === 'false').map((entry) => entry.command));
    for (const command of manifest.contributes.commands) {
      const isPublic = (PUBLIC_COMMANDS as readonly string[]).includes(command.command);
      assert.equal(command.category, 'Keyscope', command.command);
      assert.equal(hidden.has(command.command), !isPublic, `${command.command}: ${isPublic ? 'public but hidden' : 'internal but shown'}`);
    }
  });
});
