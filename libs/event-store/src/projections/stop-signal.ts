/** A stop request that cuts short every wait in progress, so `stop()` returns promptly. */
export class StopSignal {
  private stopped = false;
  private readonly wakers = new Set<() => void>();

  get requested(): boolean {
    return this.stopped;
  }

  request(): void {
    this.stopped = true;
    for (const wake of this.wakers) wake();
    this.wakers.clear();
  }

  /** Resolves after `ms`, or as soon as a stop is requested. */
  async sleep(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await this.race(new Promise((resolve) => (timer = setTimeout(resolve, ms))));
    clearTimeout(timer);
  }

  /** Resolves when `promise` settles, or as soon as a stop is requested. Never rejects. */
  race(promise: Promise<unknown>): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.wakers.delete(done);
        resolve();
      };
      this.wakers.add(done);
      promise.then(done, done);
    });
  }
}
