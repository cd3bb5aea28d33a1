// One request shared by every caller that asks while it runs (the token grant, the CSRF GET). Each caller
// waits under its own AbortSignal. When every caller that joined has given up, the request is aborted and
// marked abandoned: its owner then starts a new one for the next caller instead of handing out a request
// that may never answer (a stalled handshake would otherwise fail every later call of the client).
//
// A caller without a signal waits as long as the request does, so it keeps the request alive.

export interface Flight<T> {
  /** Waits for the shared result under `signal`: rejects with the signal's reason when it aborts first (a settled result is returned as it is). */
  join(signal?: AbortSignal | null): Promise<T>;
  /** Every caller gave up before the result came: the request was aborted; start a new one. */
  readonly abandoned: boolean;
}

export function startFlight<T>(run: (signal: AbortSignal) => Promise<T>): Flight<T> {
  const controller = new AbortController();
  let waiting = 0;
  let settled = false;
  let abandoned = false;
  let result: Promise<T> | undefined;

  return {
    get abandoned() {
      return abandoned;
    },
    join(signal) {
      if (settled) return result!; // nothing to wait for
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (!result) {
        // Started by the first caller still willing to wait: a caller whose signal already aborted sends nothing.
        result = run(controller.signal).finally(() => (settled = true));
        result.catch(() => undefined); // reaches the callers that joined; not unhandled once they all left
      }
      const shared = result;
      waiting++;
      if (!signal) return shared; // never leaves
      return new Promise<T>((resolve, reject) => {
        const leave = () => {
          reject(signal.reason);
          if (--waiting === 0 && !settled) {
            abandoned = true;
            controller.abort(signal.reason);
          }
        };
        signal.addEventListener("abort", leave, { once: true });
        shared.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
      });
    },
  };
}
