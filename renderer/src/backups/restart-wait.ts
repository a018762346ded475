// After a restore: waits until the console answers from a new start (its startedAt changed), then reloads the page.
import { consoleClient } from '../transport';

export function reloadWhenRestarted(startedAt: number): void {
  const look = async () => {
    try {
      const info = await consoleClient().invoke('system.info', {});
      if (info.startedAt !== startedAt) {
        window.location.reload();
        return;
      }
    } catch {
      // The connection drops while the core restarts: look again.
    }
    setTimeout(() => void look(), 1000);
  };
  setTimeout(() => void look(), 1000);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
