// Opens the console in an installed Chromium or Chrome as an app window, else the default browser.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
};

/** Returns what it opened, or null when nothing could be (the caller has printed the URL). */
export function openAppWindow(url: string): string | null {
  const browser = (candidates[process.platform] ?? []).find((p) => existsSync(p));
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!hasDisplay) return null;
  try {
    const child = browser
      ? spawn(browser, [`--app=${url}`, '--no-first-run'], { detached: true, stdio: 'ignore' })
      : spawn(process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open', [url], {
          detached: true,
          stdio: 'ignore',
        });
    child.on('error', () => undefined);
    child.unref();
    return browser ?? 'default browser';
  } catch {
    return null;
  }
}
