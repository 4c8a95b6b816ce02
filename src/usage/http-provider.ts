import * as vscode from 'vscode';
import { readProxySettings } from '../config';
import { HttpClient, type HttpOptions } from '../http/client';

/** The shared HttpClient, rebuilt when VS Code's proxy settings change; retries are logged (no URLs). */
export class HttpProvider implements vscode.Disposable {
  private client: HttpClient | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** Test-only overrides (shorter timeouts); empty in production. */
    private readonly overrides: Partial<HttpOptions> = {},
  ) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('http')) this.reset();
    });
  }

  get(): HttpClient {
    this.client ??= new HttpClient({
      ...this.overrides,
      proxy: readProxySettings(),
      onRetry: ({ context, attempt, reason, delayMs }) =>
        this.log.warn(`${context.vendor} ${context.endpoint}: ${reason}, retry ${attempt} in ${delayMs} ms`),
    });
    return this.client;
  }

  private reset(): void {
    void this.client?.close();
    this.client = undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.reset();
  }
}
