// The Runtype emulation itself, over raw HTTP: the docs example, consistency, auth, ids, determinism.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { DOCS_EXAMPLE_NOW } from '../emulator/runtype/docs-account';
import { DOCS_EXAMPLE } from '../emulator/runtype/docs-example';
import { createRuntypeEmulator } from '../emulator/runtype/emulator';
import type { Emulator } from '../emulator/server';
import { SMALL_SCALE } from '../emulator/scale';
import { useEmulator } from './emulator-fixture';

interface KeyJson {
  id: string;
  name: string;
  keyPrefix: string;
  permissions: string[];
  isActive: boolean;
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
  maskedKey: string;
  isTestKey: boolean;
}

describe('Runtype emulator', () => {
  const fixture = useEmulator(DOCS_EXAMPLE_NOW);
  let emulator: Emulator;
  const get = async (path: string, token?: string): Promise<{ status: number; body: unknown; text: string }> => {
    const response = await fetch(`${emulator.config.runtype.baseUrl}${path}`, {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as unknown, text };
  };

  before(async () => {
    emulator = fixture.emulator;
  });

  it('reproduces the seed page example exactly for the docs account', async () => {
    const { status, body, text } = await get('/v1/api-keys/analytics', emulator.runtype.docsToken);
    assert.equal(status, 200);
    assert.deepEqual(body, DOCS_EXAMPLE);
    assert.equal(text, JSON.stringify(DOCS_EXAMPLE), 'same fields in the same order');
  });

  it('seeds scale.runtypeKeys keys and reports analytics consistent with the key list', async () => {
    const { now, keys } = emulator.runtype;
    assert.equal(keys.length, SMALL_SCALE.runtypeKeys);
    const list = (await get('/v1/api-keys', emulator.runtype.token)).body as { apiKeys: KeyJson[]; total: number; timestamp: string };
    const { analytics, timestamp } = (await get('/v1/api-keys/analytics', emulator.runtype.token)).body as typeof DOCS_EXAMPLE;
    assert.equal(list.total, keys.length);
    assert.equal(list.timestamp, new Date(now).toISOString().replace('.000Z', 'Z'));
    assert.equal(timestamp, list.timestamp);
    const expired = list.apiKeys.filter((key) => key.expiresAt !== null && Date.parse(key.expiresAt) <= now);
    assert.equal(analytics.totalKeys, list.apiKeys.length);
    assert.equal(analytics.activeKeys, list.apiKeys.filter((key) => key.isActive).length);
    assert.equal(analytics.expiredKeys, expired.length);
    assert.ok(expired.every((key) => !key.isActive), 'an expired key is never active');
    assert.deepEqual(
      analytics.keyBreakdown,
      list.apiKeys.map(({ id, name, keyPrefix, lastUsedAt, isActive }) => ({ id, name, keyPrefix, lastUsedAt, isActive })),
    );
  });

  it('mixes active, expired, switched-off and never-used keys with plausible fields', async () => {
    const { now, keys } = emulator.runtype;
    const list = ((await get('/v1/api-keys', emulator.runtype.token)).body as { apiKeys: KeyJson[] }).apiKeys;
    assert.ok(list.some((key) => key.isActive));
    assert.ok(list.some((key) => key.expiresAt !== null && Date.parse(key.expiresAt) <= now));
    assert.ok(keys.some((key) => !key.enabled && (key.expiresAt === null || key.expiresAt > now)), 'a switched-off key');
    assert.ok(list.some((key) => key.lastUsedAt === null));
    assert.equal(new Set(list.map((key) => key.id)).size, list.length, 'ids are unique');
    for (const key of list) {
      assert.match(key.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.match(key.keyPrefix, /^(runtype_\d{4}|rt_live_[0-9a-z]{4}|rt_test_[0-9a-z]{4})$/);
      assert.equal(key.isTestKey, key.keyPrefix.startsWith('rt_test_'));
      assert.ok(key.maskedKey.startsWith(key.keyPrefix) && key.maskedKey.includes('*'));
      assert.ok(key.permissions.length > 0);
      const created = Date.parse(key.createdAt);
      assert.ok(created < now && Date.parse(key.updatedAt) >= created && Date.parse(key.updatedAt) <= now);
      if (key.lastUsedAt !== null) assert.ok(Date.parse(key.lastUsedAt) >= created && Date.parse(key.lastUsedAt) <= now);
    }
  });

  it('answers one key analytics with that key last use, and 404 for an unknown key', async () => {
    const never = emulator.runtype.keys.find((key) => key.lastUsedAt === null);
    const used = emulator.runtype.keys.find((key) => key.lastUsedAt !== null);
    assert.ok(never && used);
    const usedBody = (await get(`/v1/api-keys/${used.id}/analytics`, emulator.runtype.token)).body;
    assert.deepEqual(usedBody, {
      analytics: { lastUsedAt: new Date(used.lastUsedAt ?? 0).toISOString().replace('.000Z', 'Z') },
      timestamp: '2024-04-25T12:00:00Z',
    });
    const neverBody = (await get(`/v1/api-keys/${never.id}/analytics`, emulator.runtype.token)).body;
    assert.deepEqual(neverBody, { analytics: { lastUsedAt: null }, timestamp: '2024-04-25T12:00:00Z' });
    const unknown = await get('/v1/api-keys/00000000-0000-4000-8000-000000000000/analytics', emulator.runtype.token);
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { error: 'API key not found' });
  });

  it('keeps accounts apart: a docs key is not found with the seeded token', async () => {
    const docsKey = emulator.runtype.docsKeys[0];
    assert.ok(docsKey);
    assert.equal((await get(`/v1/api-keys/${docsKey.id}/analytics`, emulator.runtype.docsToken)).status, 200);
    assert.equal((await get(`/v1/api-keys/${docsKey.id}/analytics`, emulator.runtype.token)).status, 404);
  });

  it('refuses a missing or wrong Bearer token with 401 and a Runtype error body', async () => {
    for (const token of [undefined, 'rt_live_wrong', '']) {
      const { status, body } = await get('/v1/api-keys/analytics', token);
      assert.equal(status, 401);
      assert.deepEqual(body, { error: 'Unauthorized' });
    }
  });

  it('answers 400 for an id that is not a key id, 404 for an unknown route', async () => {
    const bad = await get('/v1/api-keys/not-a-uuid/analytics', emulator.runtype.token);
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body, { error: 'Invalid API key ID' });
    assert.equal((await get('/v1/api-keys/analytics/extra/path', emulator.runtype.token)).status, 404);
  });

  it('seeds deterministically from seed and now', () => {
    const options = { scale: SMALL_SCALE, seed: 7, now: DOCS_EXAMPLE_NOW };
    assert.deepEqual(createRuntypeEmulator(options).keys, createRuntypeEmulator(options).keys);
    assert.notDeepEqual(createRuntypeEmulator(options).keys, createRuntypeEmulator({ ...options, seed: 8 }).keys);
  });
});
