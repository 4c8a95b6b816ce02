// Seed page 003's example response ("Get aggregate API key analytics"), verbatim: what the emulator's
// docs account must answer, and a fuzz seed.
export const DOCS_EXAMPLE = {
  analytics: {
    totalKeys: 5,
    activeKeys: 3,
    expiredKeys: 2,
    keyBreakdown: [
      { id: 'a1b2c3d4-e5f6-7890-ab12-cd34ef567890', name: 'Primary API Key', keyPrefix: 'runtype_1234', lastUsedAt: '2024-04-20T14:45:00Z', isActive: true },
      { id: 'b2c3d4e5-f678-9012-ab34-cd56ef789012', name: 'Backup Key', keyPrefix: 'runtype_5678', lastUsedAt: '2024-03-10T08:15:00Z', isActive: true },
      { id: 'c3d4e5f6-7890-1234-ab56-cd78ef901234', name: 'Staging Key', keyPrefix: 'runtype_9012', lastUsedAt: '2024-02-28T17:00:00Z', isActive: true },
      { id: 'd4e5f678-9012-3456-ab78-cd90ef123456', name: 'Old Key 1', keyPrefix: 'runtype_3456', lastUsedAt: null, isActive: false },
      { id: 'e5f67890-1234-5678-ab90-cd12ef345678', name: 'Old Key 2', keyPrefix: 'runtype_7890', lastUsedAt: '2023-12-15T11:30:00Z', isActive: false },
    ],
  },
  timestamp: '2024-04-25T12:00:00Z',
};
