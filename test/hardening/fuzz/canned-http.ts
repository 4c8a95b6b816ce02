// An HttpClient that answers every send() with a prepared response: the fuzzers drive the real vendor
// clients (request building, error readers, schemas, mappers, paging checks) without a socket.
import { HttpClient, type HttpRequest, type HttpResponse } from '../../../src/http/client';

export class CannedHttp extends HttpClient {
  response: HttpResponse = { status: 200, headers: {}, text: '{}', retries: 0 };
  /** Requests the client sent, newest last (only the count and the last are kept). */
  sent = 0;
  lastRequest: HttpRequest | undefined;

  override send(request: HttpRequest): Promise<HttpResponse> {
    this.sent += 1;
    this.lastRequest = request;
    return Promise.resolve({ ...this.response, headers: { ...this.response.headers } });
  }
}

/** Records every real response, to seed the fuzzers with what the emulators actually answer. */
export class RecordingHttp extends HttpClient {
  readonly recorded: HttpResponse[] = [];

  override async send(request: HttpRequest): Promise<HttpResponse> {
    const response = await super.send(request);
    this.recorded.push(response);
    return response;
  }
}
