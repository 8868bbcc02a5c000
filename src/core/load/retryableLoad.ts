/** A load done once and shared by every caller, except that a failure is forgotten so the next call tries again. */
export class RetryableLoad<T> {
  private pending: Promise<T> | undefined;
  private value: { loaded: T } | undefined;

  constructor(private readonly load: () => Promise<T>) {}

  /** The loaded value; callers during one attempt share it, and a rejected attempt is not kept. */
  get(): Promise<T> {
    if (this.value) return Promise.resolve(this.value.loaded);
    this.pending ??= this.load().then(
      (loaded) => {
        this.value = { loaded };
        return loaded;
      },
      (err: unknown) => {
        // A transient read error must not disable hovers and diagnostics until the window reloads.
        this.pending = undefined;
        throw err;
      },
    );
    return this.pending;
  }

  /** The value if a load already succeeded, for hot paths that must not wait. */
  peek(): T | undefined {
    return this.value?.loaded;
  }
}
