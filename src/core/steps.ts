/**
 * Long work written as generators that yield between small steps, and the two ways to run them: at once (the CLI, tests)
 * or in slices of a few milliseconds that give the thread back in between (an extension host, a web worker), so a hover
 * or a keystroke never waits long behind it.
 */

/** Work done in steps: each `yield` is a point where the thread may be given back. */
export type Steps = Generator<void, void, void>;

/** Runs `steps` to the end at once; `check` (a time budget's) runs between steps and may throw to stop them. */
export function drain(steps: Steps, check?: () => void): void {
  while (!steps.next().done) check?.();
}

/**
 * Gives the thread back between slices. setImmediate (Node, the desktop extension host) runs after pending I/O such as
 * an incoming hover request, without the 1 ms minimum delay of setTimeout. Browsers (the web extension host is a web
 * worker) have no setImmediate, and clamp chained setTimeout(0) calls to 4 ms, which would leave the thread idle as
 * long as each slice works: a message to a MessageChannel of our own runs as soon as the events before it.
 */
export const yieldToEvents = (): Promise<void> =>
  new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else if (typeof MessageChannel === 'function') postToSelf(resolve);
    else setTimeout(resolve, 0);
  });

let channel: { post(resolve: () => void): void } | undefined;

/** Resolves `resolve` from a message this thread sends itself; the channel is made on first use. */
function postToSelf(resolve: () => void): void {
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const waiting: Array<() => void> = [];
    port1.onmessage = () => waiting.shift()?.();
    // Node (only in tests, where setImmediate is taken away) would otherwise stay alive for the open port.
    (port1 as { unref?: () => void }).unref?.();
    channel = {
      post(next) {
        waiting.push(next);
        port2.postMessage(undefined);
      },
    };
  }
  channel.post(resolve);
}

export interface SliceOptions {
  /** Longest run of steps between two pauses, in ms. */
  sliceMs: number;
  /** Checked after each pause; true abandons the work. */
  shouldStop?: () => boolean;
  pause?: () => Promise<void>;
}

/** A millisecond clock where performance.now() exists (Node, browsers, web workers), else Date.now(). */
export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs `steps` in slices of about `sliceMs`, pausing in between; resolves to false when `shouldStop` ended it early. */
export async function runInSlices(steps: Steps, options: SliceOptions): Promise<boolean> {
  const pause = options.pause ?? yieldToEvents;
  let sliceEnd = now() + options.sliceMs;
  while (!steps.next().done) {
    if (now() < sliceEnd) continue;
    await pause();
    if (options.shouldStop?.()) return false;
    sliceEnd = now() + options.sliceMs;
  }
  return true;
}
