// Reaching the core from an e2e test the way the page does: a call over the host's WebSocket, and a route change.
import type { Page } from '@playwright/test';

/** Calls the core as the page's signed-in operator (the socket carries the page's session cookie). */
export async function callCore<T>(page: Page, method: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ([m, i]) => {
      const token = sessionStorage.getItem('duty-console-token') ?? '';
      const ws = new WebSocket(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        ws.onopen = resolve;
        ws.onerror = reject;
      });
      const reply = await new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((resolve) => {
        ws.onmessage = (e) => {
          const data = JSON.parse(String(e.data)) as { type: string; id: number; result: { ok: boolean } };
          if (data.type === 'result' && data.id === 1) resolve(data.result);
        };
        ws.send(JSON.stringify({ type: 'call', id: 1, method: m, input: i }));
      });
      ws.close();
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.value;
    },
    [method, input] as const,
  ) as Promise<T>;
}

/** Moves the page to an in-app route (the router uses the URL's hash). */
export async function goTo(page: Page, hashPath: string): Promise<void> {
  await page.evaluate((path) => {
    window.location.hash = path;
  }, hashPath);
}
