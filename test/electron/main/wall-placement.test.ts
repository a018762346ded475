// Where and when the desktop wall window opens: on the display that is not the guard's, at every start while the wall
// is on; with one display only by the shortcut; closed when the wall is turned off.
import { describe, expect, it } from 'vitest';
import { type DisplayInfo, isWallShortcut, planWallWindow, toggleByHand, wallDisplay } from '../../../electron/main/wall-placement';

const laptop: DisplayInfo = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, internal: true };
const wallTv: DisplayInfo = { id: 7, bounds: { x: 1920, y: 0, width: 3840, height: 2160 }, internal: false };
const smallMonitor: DisplayInfo = { id: 3, bounds: { x: -1280, y: 0, width: 1280, height: 1024 }, internal: false };
const desk: DisplayInfo = { id: 2, bounds: { x: 0, y: 0, width: 2560, height: 1440 }, internal: false };

describe('the wall display', () => {
  it('is none with a single display', () => {
    expect(wallDisplay([laptop], 1)).toBeNull();
    expect(wallDisplay([], 1)).toBeNull();
  });

  it('is the display that is not the primary one', () => {
    expect(wallDisplay([laptop, wallTv], 1)).toBe(wallTv);
    expect(wallDisplay([wallTv, desk], 2)).toBe(wallTv);
  });

  it('prefers an external display to a laptop panel set as secondary, then the largest, then the lowest id', () => {
    expect(wallDisplay([laptop, desk], 2)).toBe(laptop);
    expect(wallDisplay([laptop, desk, smallMonitor], 2)).toBe(smallMonitor);
    expect(wallDisplay([desk, smallMonitor, wallTv], 2)).toBe(wallTv);
    expect(wallDisplay([desk, smallMonitor, wallTv], 2)).toBe(wallDisplay([wallTv, smallMonitor, desk], 2));
    const twin = { ...smallMonitor, id: 9 };
    expect(wallDisplay([desk, twin, smallMonitor], 2)).toBe(smallMonitor);
  });
});

describe('the wall window', () => {
  const twoDisplays = { displays: [laptop, wallTv], primaryId: 1 };
  const oneDisplay = { displays: [laptop], primaryId: 1 };

  it('is closed while the wall is off, whatever was pressed', () => {
    for (const byHand of ['open', 'closed', null] as const) {
      expect(planWallWindow({ enabled: false, ...twoDisplays, byHand })).toEqual({ open: false });
      expect(planWallWindow({ enabled: false, ...oneDisplay, byHand })).toEqual({ open: false });
    }
  });

  it('opens by itself on the wall display while the wall is on (at every start, and when the monitor comes back)', () => {
    expect(planWallWindow({ enabled: true, ...twoDisplays, byHand: null })).toEqual({ open: true, display: wallTv });
    // Unplugged: nothing to show it on but the guard's own screen, so it closes until plugged in again.
    expect(planWallWindow({ enabled: true, ...oneDisplay, byHand: null })).toEqual({ open: false });
  });

  it('with one display opens only by the shortcut, over the console, and the shortcut closes it again', () => {
    let byHand = toggleByHand(false);
    expect(planWallWindow({ enabled: true, ...oneDisplay, byHand })).toEqual({ open: true, display: laptop });
    byHand = toggleByHand(true);
    expect(planWallWindow({ enabled: true, ...oneDisplay, byHand })).toEqual({ open: false });
  });

  it('closed by hand on a second display stays closed until opened again', () => {
    expect(planWallWindow({ enabled: true, ...twoDisplays, byHand: 'closed' })).toEqual({ open: false });
    expect(planWallWindow({ enabled: true, ...twoDisplays, byHand: 'open' })).toEqual({ open: true, display: wallTv });
  });

  it('toggles on Ctrl+Shift+W (or Cmd+Shift+W) only, on the key going down', () => {
    const key = { type: 'keyDown', key: 'W', control: true, meta: false, shift: true, alt: false };
    expect(isWallShortcut(key)).toBe(true);
    expect(isWallShortcut({ ...key, key: 'w', control: false, meta: true })).toBe(true);
    expect(isWallShortcut({ ...key, type: 'keyUp' })).toBe(false);
    expect(isWallShortcut({ ...key, shift: false })).toBe(false);
    expect(isWallShortcut({ ...key, control: false })).toBe(false);
    expect(isWallShortcut({ ...key, alt: true })).toBe(false);
    expect(isWallShortcut({ ...key, key: 'Q' })).toBe(false);
  });
});
