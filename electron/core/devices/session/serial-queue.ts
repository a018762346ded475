// One task at a time, in the order they were handed in: requests on a half-duplex line, reports in arrival order.

export interface SerialQueue {
  /** Runs `task` once every task handed in before it has settled; a task that fails does not hold up the rest. */
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
  };
}
