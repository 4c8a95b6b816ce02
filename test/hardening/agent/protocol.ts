// The wire between the hardening runner (outside) and its agent inside the extension host: one POST
// per action, JSON in and out, authorized by a per-run secret so nothing else on the machine can drive it.

export const AGENT_ENV = 'KEYSCOPE_HARDENING_AGENT';

export interface AgentEnv {
  port: number;
  secret: string;
}

/** One row of the Keys tree as the running extension renders it. */
export interface TreeRow {
  depth: number;
  id: string;
  label: string;
  description: string;
  /** Plain text, or Markdown with how it is trusted. */
  tooltip: string | { markdown: string; isTrusted: unknown; supportHtml: boolean } | undefined;
  contextValue: string | undefined;
  command: { command: string; arguments: unknown[] } | undefined;
  collapsible: boolean;
}

export interface HoverResult {
  contents: { markdown: string; isTrusted: unknown; supportHtml: boolean }[];
}

/** Counts that must stay flat over a long run (the soak compares them). */
export interface HostVitals {
  heapUsed: number;
  rss: number;
  /** process.getActiveResourcesInfo() by kind: Timeout, TCPSocketWrap, … */
  resources: Record<string, number>;
  unhandled: string[];
}

export type AgentAction =
  | { action: 'activate' }
  | { action: 'setToken'; vendor: string; token: string }
  | { action: 'removeToken'; vendor: string }
  | { action: 'refresh' }
  | { action: 'tree'; maxDepth: number; maxChildren: number }
  | { action: 'hover'; file: string; line: number; character: number }
  | { action: 'command'; command: string; args: unknown[]; wait: boolean }
  | { action: 'openFile'; file: string }
  | { action: 'configure'; settings: Record<string, unknown> }
  | { action: 'export'; format: 'csv' | 'json'; path: string }
  | { action: 'vitals'; gc: boolean }
  | { action: 'finish' };
