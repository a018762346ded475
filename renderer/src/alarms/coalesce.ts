// Runs work for a stream of events at most once per interval: the first event at once, those right after it together.

export interface Coalescer<T> {
  add(item: T): void;
  cancel(): void;
}

/** `run` gets the distinct items added since it last ran. */
export function coalesce<T>(run: (items: T[]) => void, everyMs: number): Coalescer<T> {
  const due = new Set<T>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let quietUntil = 0;
  const flush = () => {
    timer = undefined;
    quietUntil = Date.now() + everyMs;
    const items = [...due];
    due.clear();
    run(items);
  };
  return {
    add(item) {
      due.add(item);
      if (timer) return;
      const wait = quietUntil - Date.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      due.clear();
    },
  };
}
