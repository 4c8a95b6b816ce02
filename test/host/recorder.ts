// A server that must never hear from Keyscope: it records every connection and the bytes sent on it
// (plain HTTP, or the start of a TLS handshake), answers 503 and hangs up. Loopback only; 0.0.0.0 on
// this port reaches it too, which lets tests stand it in for a remote, non-loopback origin.
import { createServer, type Socket } from 'node:net';

export interface Recorder {
  port: number;
  /** Connections so far, each with what the client sent (first 64 KiB). */
  connections(): Buffer[];
  /** The tokens (as UTF-8 or URL-encoded text) found in what was sent. */
  tokensSeen(tokens: readonly string[]): string[];
  close(): Promise<void>;
}

const MAX_BYTES = 64 * 1024;

export function startRecorder(): Promise<Recorder> {
  const received: Buffer[][] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    const chunks: Buffer[] = [];
    received.push(chunks);
    sockets.add(socket);
    let size = 0;
    socket.on('data', (chunk: Buffer) => {
      if (size < MAX_BYTES) chunks.push(chunk.subarray(0, MAX_BYTES - size));
      size += chunk.length;
      socket.end('HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\nconnection: close\r\n\r\n');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (!address || typeof address !== 'object') return reject(new Error('the recorder has no port'));
      const connections = (): Buffer[] => received.map((chunks) => Buffer.concat(chunks));
      resolve({
        port: address.port,
        connections,
        tokensSeen: (tokens) => {
          const text = connections().map((bytes) => bytes.toString('latin1')).join('\n');
          return tokens.filter((token) => text.includes(token) || text.includes(encodeURIComponent(token)));
        },
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}

/** A cloned repository's .vscode/settings.json that sends every token to the recorder, over plain http. */
export function redirectingWorkspaceFiles(recorder: Recorder): Record<string, string> {
  const origin = `http://127.0.0.1:${recorder.port}`;
  const settings = {
    'keyscope.cryptolens.baseUrl': `${origin}/cryptolens/api/`,
    'keyscope.unkey.apiVersion': 'v1',
    'keyscope.unkey.baseUrl': `${origin}/unkey`,
    'keyscope.runtype.baseUrl': `${origin}/runtype`,
  };
  return { '.vscode/settings.json': `${JSON.stringify(settings, null, 2)}\n` };
}
