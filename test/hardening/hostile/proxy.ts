// A reverse proxy in front of the vendor emulator that makes its answers hostile: every string a
// person would read (names, key strings, prefixes, machine codes, tags, identities, error messages)
// becomes markup, script, links, command URIs, bidi text, 30,000 characters or invalid UTF-16.
// The emulator itself stays untouched; Keyscope is pointed at this proxy's origin instead.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hostileError, rewriteAnswer, HOSTILE_ERROR_TOKEN } from './rewrite';

export interface HostileProxy {
  origin: string;
  /** Answers rewritten so far, by vendor path. */
  rewritten: Map<string, number>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive', 'content-encoding']);

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The request asks with the token that must fail: form field `token` or a Bearer header. */
function presentsErrorToken(req: IncomingMessage, body: Buffer): boolean {
  return req.headers.authorization === `Bearer ${HOSTILE_ERROR_TOKEN}` || new URLSearchParams(body.toString('utf8')).get('token') === HOSTILE_ERROR_TOKEN;
}

export async function startHostileProxy(upstream: string): Promise<HostileProxy> {
  const rewritten = new Map<string, number>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const path = req.url ?? '/';
      if (presentsErrorToken(req, body)) {
        const answer = hostileError(path);
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers[name] = value;
      const answer = await fetch(`${upstream}${path}`, { method: req.method, headers, ...(body.length > 0 ? { body: body.toString('utf8') } : {}) });
      const text = await answer.text();
      const type = answer.headers.get('content-type') ?? '';
      let out = text;
      if (type.includes('json')) {
        const changed = rewriteAnswer(path, JSON.parse(text) as unknown);
        if (changed !== undefined) {
          out = JSON.stringify(changed);
          const route = path.split('?')[0] ?? path;
          rewritten.set(route, (rewritten.get(route) ?? 0) + 1);
        }
      }
      const outHeaders: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!HOP_BY_HOP.has(name)) outHeaders[name] = value;
      });
      res.writeHead(answer.status, outHeaders);
      res.end(out);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`hostile proxy: ${String(error)}`);
    });
  });
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    rewritten,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
