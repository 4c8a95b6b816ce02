// The vendor's printed examples for the license-key methods, verbatim but for one stray "}" at the
// end of the Metadata example. The seed's example key answers key/GetKey's metadata with exactly it.

/** CL:model/Metadata, "Result". */
export const METADATA_EXAMPLE_JSON = '{"activatedMachines": 3, "licenseStatus":{"isValid":true,"reasonForInvalidity":0,"trial":false,"timeLimited":false,"timeLeft":0}}';

/** A LicenseKey in the Web API 3 format, from the vendor's "Activation Format Updated" post (2016). */
export const LICENSE_KEY_FORMAT_EXAMPLE = {
  productId: 3349,
  id: 2,
  key: 'MTMPW-VZERP-JZVNZ-SCPZM',
  created: '2015-08-27T00:00:00',
  expires: '2016-07-27T00:00:00',
  period: 30,
  f1: true,
  f2: false,
  f3: false,
  f4: true,
  f5: false,
  f6: false,
  f7: false,
  f8: false,
  notes: 'awdawd123',
  block: false,
  globalId: 24964,
  customer: null,
  activatedMachines: [{ mid: 'foo', ip: '10.1.1.2', time: '2016-06-27T11:43:10.167' }],
  trialActivation: true,
  maxNoOfMachines: 4,
  allowedMachines: '',
  dataObjects: [{ id: 61, name: 'artem', stringValue: '', intValue: 1337 }],
  signDate: '2016-06-27T11:43:13',
  signature: 'RpFDLKvfv8fJHjpZ7xnFDtUPY8xbxVNzha8jDiYeZaz57d9V9URC8IBynFUky5w4Y2HmhjDQ6uxKh8nMJnivMkNQXmsGl8GFEN2tG4tMKie9KRFmOULh+rE4lCV2Ot1Aj9DT+m/+K0kqAzMfHIY+cMdulCxOdYmMafuP1tyxgUsSAVP04ax/pbHI9ps7YwPYMqAvCmrWKL+J4ITyA7CdnQkwDnEcTX6gTK0atJA2pk2fZMPW9RpCLYIVgrMa8nfc7x2mxIYDX7nN9GWZi+jdipbHFgc91KcmgSi7WzEl4gWRVk9aKsBDe+taolNst0uruCBKZiL+BNV84gG2mDBWzg==',
} as const;
