// Test support: time that moves only when the test says so.

/** Time that moves only when the test says so: a schedule for the demo life, and advance(ms) to run what falls due. */
export function manualTime(): { schedule: (delayMs: number, task: () => void) => () => void; advance(ms: number): void; pending(): number } {
  let now = 0;
  const tasks: { at: number; task: () => void }[] = [];
  return {
    schedule(delayMs, task) {
      const entry = { at: now + delayMs, task };
      tasks.push(entry);
      return () => {
        const index = tasks.indexOf(entry);
        if (index >= 0) tasks.splice(index, 1);
      };
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        tasks.splice(tasks.indexOf(due), 1);
        now = due.at;
        due.task();
      }
      now = end;
    },
    pending: () => tasks.length,
  };
}
