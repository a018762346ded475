// Test support: waiting until something holds, and plain waiting.

/** Whether a probe's value means "there": anything but undefined, null and false. */
type Found<T> = Exclude<T, undefined | null | false>;

/**
 * Resolves with the probe's value once it is there (not undefined, null or false); fails naming `what` after
 * `timeoutMs`. The probe may be async (a call into a core).
 */
export async function eventually<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 8000): Promise<Found<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value as Found<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
