// The emulator's request log over its control endpoint, for code running in another process.

export interface RequestCounts {
  total: number;
  byPath: Record<string, number>;
}

export async function clearRequests(origin: string): Promise<void> {
  const response = await fetch(`${origin}/__emulator/requests`, { method: 'DELETE' });
  if (!response.ok) throw new Error(`DELETE /__emulator/requests: HTTP ${response.status}`);
}

export async function readRequests(origin: string): Promise<RequestCounts> {
  const response = await fetch(`${origin}/__emulator/requests`);
  if (!response.ok) throw new Error(`GET /__emulator/requests: HTTP ${response.status}`);
  return (await response.json()) as RequestCounts;
}
