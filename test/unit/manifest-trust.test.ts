// The manifest declares what the code enforces: the settings that choose where a token goes are
// application-scoped and restricted in untrusted workspaces; the rest stay workspace-settable.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TOKEN_DESTINATION_SETTINGS } from '../../src/trust/destination-settings';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations: string[] }; virtualWorkspaces: unknown };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const properties = manifest.contributes.configuration.properties;

describe('manifest: where tokens go', () => {
  it('makes every token-destination setting application-scoped and no other', () => {
    const application = Object.keys(properties).filter((key) => properties[key]?.scope === 'application').sort();
    assert.deepEqual(application, [...TOKEN_DESTINATION_SETTINGS].sort());
  });

  it('supports untrusted workspaces in a limited way, restricting exactly those settings', () => {
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...manifest.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [...TOKEN_DESTINATION_SETTINGS].sort());
    assert.ok(manifest.capabilities.virtualWorkspaces);
  });
});
