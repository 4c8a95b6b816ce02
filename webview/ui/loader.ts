// Runs the request behind one or more cards: shows loading, then the data or the error (beside the
// last good data); the answer to a request that a newer one replaced is dropped. A card's Retry first
// has the host forget the failure it remembers, so the retry really asks the vendor again.
import type { Card } from './card';

export interface LoaderContext {
  describe(error: unknown): string;
  forgetFailures(): Promise<unknown>;
}

export class CardLoader {
  private generation = 0;

  constructor(
    private readonly cards: readonly Card[],
    private readonly context: LoaderContext,
  ) {}

  run<T>(load: () => Promise<T>, show: (value: T) => void): void {
    const generation = ++this.generation;
    const retry = (): void => {
      void this.context.forgetFailures().then(
        () => this.run(load, show),
        (error: unknown) => this.fail(error, retry),
      );
    };
    for (const card of this.cards) card.loading();
    load().then(
      (value) => {
        if (generation !== this.generation) return;
        try {
          show(value);
        } catch (error) {
          this.fail(error, retry);
        }
      },
      (error: unknown) => {
        if (generation === this.generation) this.fail(error, retry);
      },
    );
  }

  private fail(error: unknown, retry: () => void): void {
    const message = this.context.describe(error);
    for (const card of this.cards) card.error(message, retry);
  }
}
