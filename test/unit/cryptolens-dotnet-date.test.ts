// .NET DateTime text as Cryptolens writes a license key's dates, to Unix ms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDotNetDate } from '../../src/vendors/cryptolens/dotnet-date';

describe('Cryptolens DateTime text', () => {
  it("reads the vendor's examples as UTC: no zone, milliseconds or none", () => {
    assert.equal(parseDotNetDate('2015-08-27T00:00:00'), Date.UTC(2015, 7, 27));
    assert.equal(parseDotNetDate('2016-06-27T11:43:10.167'), Date.UTC(2016, 5, 27, 11, 43, 10, 167));
  });

  it('reads 7 fraction digits (truncated to ms), Z and offsets', () => {
    assert.equal(parseDotNetDate('2025-01-12T09:21:27.1234567'), Date.UTC(2025, 0, 12, 9, 21, 27, 123));
    assert.equal(parseDotNetDate('2025-01-12T09:21:27Z'), Date.UTC(2025, 0, 12, 9, 21, 27));
    assert.equal(parseDotNetDate('2025-01-12T11:21:27+02:00'), Date.UTC(2025, 0, 12, 9, 21, 27));
    assert.equal(parseDotNetDate('2025-01-12T04:21:27-05:00'), Date.UTC(2025, 0, 12, 9, 21, 27));
  });

  it('DateTime.MinValue is "no date"; years before 100 are not read as 19xx', () => {
    assert.equal(parseDotNetDate('0001-01-01T00:00:00'), undefined);
    assert.equal(new Date(parseDotNetDate('0050-03-01T00:00:00') ?? 0).getUTCFullYear(), 50);
  });

  it('anything else is NaN: other formats, impossible dates and times', () => {
    for (const text of ['', '2015-08-27', '1748131200', '2015-02-30T00:00:00', '2015-08-27T24:00:00', '2015-08-27T10:60:00', '2015-08-27 10:00:00', '2015-08-27T10:00:00.12345678']) {
      assert.ok(Number.isNaN(parseDotNetDate(text)), text);
    }
  });
});
