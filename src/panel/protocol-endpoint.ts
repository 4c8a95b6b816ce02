// One end of the panel's message channel, the same code on both sides: sends requests and matches
// their responses by id, answers the other side's requests exactly once, and rejects what does not
// parse. Pure (no vscode, no DOM), so the host, the webview and the unit tests all run it.
import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import type { Parsed, ResponseMessage } from './protocol';

export type MethodMap = Record<string, { params: z.core.$ZodType; result: z.core.$ZodType }>;

export type RequestOf<M extends MethodMap> = {
  [K in keyof M & string]: { kind: 'request'; id: number; method: K; params: z.infer<M[K]['params']> };
}[keyof M & string];

export interface EndpointOptions<In extends MethodMap, Out extends MethodMap> {
  /** Methods the other side may call here (their results are checked before they are sent). */
  incoming: In;
  /** Methods this side calls on the other (their results are checked when they arrive). */
  outgoing: Out;
  parse(raw: unknown): Parsed<RequestOf<In> | ResponseMessage>;
  post(message: RequestOf<Out> | ResponseMessage): void;
  answer(request: RequestOf<In>): Promise<unknown>;
  /** What the other side is told when answering fails. */
  describe(error: unknown): string;
  warn(text: string): void;
  timeoutMs?: number;
}

interface Pending {
  method: string;
  resolve(value: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

export class RequestFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestFailedError';
  }
}

export class Endpoint<In extends MethodMap, Out extends MethodMap> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;

  constructor(private readonly options: EndpointOptions<In, Out>) {}

  request<K extends keyof Out & string>(method: K, params: z.infer<Out[K]['params']>, timeoutMs = this.options.timeoutMs ?? 60_000): Promise<z.infer<Out[K]['result']>> {
    if (this.disposed) return Promise.reject(new RequestFailedError(l10n.t('the panel was closed')));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RequestFailedError(l10n.t('{0}: no answer within {1} s', method, Math.round(timeoutMs / 1000))));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.options.post({ kind: 'request', id, method, params } as RequestOf<Out>);
    });
  }

  /** Handles one raw message from the other side. Resolves once it has been answered or settled. */
  async receive(raw: unknown): Promise<void> {
    if (this.disposed) return;
    const parsed = this.options.parse(raw);
    if (!parsed.ok) {
      this.options.warn(`rejected a message: ${parsed.error}`);
      if (parsed.id !== undefined) this.respondError(parsed.id, parsed.error);
      return;
    }
    const message = parsed.message;
    if (message.kind === 'response') this.settle(message);
    else await this.answer(message as RequestOf<In>);
  }

  /** Fails every request still waiting; later messages are ignored. */
  dispose(): void {
    this.disposed = true;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new RequestFailedError(l10n.t('{0}: the panel was closed', pending.method)));
      this.pending.delete(id);
    }
  }

  private settle(response: ResponseMessage): void {
    const pending = this.pending.get(response.id);
    if (!pending) {
      this.options.warn(`rejected a response to no pending request (id ${response.id})`);
      return;
    }
    this.pending.delete(response.id);
    clearTimeout(pending.timer);
    if (!response.ok) {
      pending.reject(new RequestFailedError(response.error.message));
      return;
    }
    const schema = this.options.outgoing[pending.method]?.result;
    const checked = schema ? z.safeParse(schema, response.result) : undefined;
    if (checked?.success) pending.resolve(checked.data);
    else pending.reject(new RequestFailedError(l10n.t('{0}: the answer did not match the protocol', pending.method)));
  }

  private async answer(request: RequestOf<In>): Promise<void> {
    let result: unknown;
    try {
      result = await this.options.answer(request);
    } catch (error) {
      this.respondError(request.id, this.options.describe(error));
      return;
    }
    // Our own answer is checked too: a vendor value outside the protocol's bounds fails here, visibly.
    const schema = this.options.incoming[request.method]?.result;
    const checked = schema ? z.safeParse(schema, result) : undefined;
    if (!checked?.success) {
      this.options.warn(`${request.method}: the answer did not match the protocol`);
      this.respondError(request.id, l10n.t('{0}: the answer did not match the protocol', request.method));
      return;
    }
    if (!this.disposed) this.options.post({ kind: 'response', id: request.id, ok: true, result: checked.data });
  }

  private respondError(id: number, message: string): void {
    if (!this.disposed) this.options.post({ kind: 'response', id, ok: false, error: { message: message.slice(0, 4_000) } });
  }
}
