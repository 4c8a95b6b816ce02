import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidRequestError } from '../../src/http/errors';
import { normalizeMachineCode } from '../../src/vendors/cryptolens/machine-code';
import { startCryptolensHarness, type CryptolensHarness } from './cryptolens-harness';

describe('Cryptolens machine-code normalization (client)', () => {
  it('removes control characters, trims, truncates to 256, uppercases', () => {
    assert.equal(normalizeMachineCode('abc-123'), 'ABC-123');
    assert.equal(normalizeMachineCode('  ab\u0000c\u0007-1\u009f \t\r\n'), 'ABC-1');
    assert.equal(normalizeMachineCode('a\tb\nc'), 'ABC', 'tabs and newlines are control characters, removed even inside');
    assert.equal(normalizeMachineCode('a b'), 'A B', 'inner spaces stay');
    assert.equal(normalizeMachineCode('\u0001 \u0002'), '');
    assert.equal(normalizeMachineCode('x'.repeat(300)), 'X'.repeat(256));
    assert.equal(normalizeMachineCode('x'.repeat(256)), 'X'.repeat(256));
  });

  it('applies the steps in the page order', () => {
    // Control characters go first, so trimming reaches the blanks they sat between.
    assert.equal(normalizeMachineCode(' \u0000 abc \u0000 '), 'ABC');
    // Trimming comes before truncation: leading blanks do not use up the 256.
    assert.equal(normalizeMachineCode(`${' '.repeat(10)}${'a'.repeat(256)}z`), 'A'.repeat(256));
    // Truncation comes before uppercasing: a character that grows when uppercased is cut as itself.
    assert.equal(normalizeMachineCode('ß'.repeat(300)), 'SS'.repeat(256));
    // Whitespace exposed by truncation is not trimmed again.
    assert.equal(normalizeMachineCode(`${'a'.repeat(255)} b`), `${'A'.repeat(255)} `);
  });
});

describe('Cryptolens MachineCode filter', () => {
  let h: CryptolensHarness;
  before(async () => {
    h = await startCryptolensHarness();
  });
  after(async () => h.close());

  const lastSent = (): string | undefined => h.cryptolens.calls[h.cryptolens.calls.length - 1]?.params.machinecode;

  it('the client sends the normalized code and finds the device', async () => {
    const device = h.cryptolens.data.devices.find((row) => row.machineCode.length === 64);
    assert.ok(device);
    const lower = device.machineCode.toLowerCase();
    const typed = `\t ${lower.slice(0, 10)}\u0000${lower.slice(10)}\r\n`;
    const page = await h.client.getKeyDevices({ machineCode: typed });
    assert.equal(lastSent(), device.machineCode);
    assert.deepEqual(page.items.map((row) => row.deviceId), [device.id]);
  });

  it('a code longer than 256 characters matches the device whose code is its first 256', async () => {
    const device = h.cryptolens.data.devices.find((row) => row.machineCode.length === 256);
    assert.ok(device);
    const page = await h.client.getKeyDevices({ machineCode: `${device.machineCode.toLowerCase()}TAIL-BEYOND-256` });
    assert.equal(lastSent(), device.machineCode);
    assert.deepEqual(page.items.map((row) => row.deviceId), [device.id]);
  });

  it('only the full code matches: a prefix finds nothing', async () => {
    const device = h.cryptolens.data.devices.find((row) => row.machineCode.startsWith('DESKTOP-'));
    assert.ok(device);
    const page = await h.client.getKeyDevices({ machineCode: device.machineCode.slice(0, -1) });
    assert.deepEqual(page.items, []);
  });

  it('the emulator normalizes what it receives before matching', async () => {
    const device = h.cryptolens.data.devices.find((row) => row.machineCode.includes('-') && row.machineCode.length === 36);
    assert.ok(device);
    const raw = ` \u0001${device.machineCode.toLowerCase()}\u007f `;
    for (const method of ['GET', 'POST'] as const) {
      const answer = await h.raw(method, '/api/ai/GetKeyDevices', { MachineCode: raw, token: h.cryptolens.token });
      const body = JSON.parse(answer.text) as { devices: { id: number }[] };
      assert.deepEqual(body.devices.map((row) => row.id), [device.id], method);
    }
  });

  it('refuses a code that normalizes to nothing, before sending', async () => {
    const before = h.requestCount();
    await assert.rejects(h.client.getKeyDevices({ machineCode: ' \u0000\t ' }), (error: unknown) => error instanceof InvalidRequestError && /machineCode is empty/.test(error.message));
    assert.equal(h.requestCount(), before);
  });
});
