// The desktop wall window's decisions as pure functions: which display it belongs on, whether it is open, and the
// key that opens and closes it by hand. No electron import, so every decision is unit-tested under plain Node.

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the window needs of Electron's `Display`. */
export interface DisplayInfo {
  id: number;
  bounds: Bounds;
  /** A laptop's own panel: never the wall when an external display is there. */
  internal: boolean;
}

/**
 * The display on the wall: one that is not the primary one (the guard's desk), an external one before a built-in
 * panel, then the largest, then the lowest id, so the choice is the same at every start. Null with a single display.
 */
export function wallDisplay(displays: readonly DisplayInfo[], primaryId: number): DisplayInfo | null {
  const others = displays.filter((d) => d.id !== primaryId);
  if (others.length === 0) return null;
  const area = (d: DisplayInfo) => d.bounds.width * d.bounds.height;
  return [...others].sort((a, b) => Number(a.internal) - Number(b.internal) || area(b) - area(a) || a.id - b.id)[0]!;
}

/** What the operator last did with the shortcut since the wall was turned on: null when they have not. */
export type ByHand = 'open' | 'closed' | null;

export interface WallWindowState {
  /** The administrator's setting (wall.settings). */
  enabled: boolean;
  displays: readonly DisplayInfo[];
  primaryId: number;
  byHand: ByHand;
}

export type WallWindowPlan = { open: false } | { open: true; display: DisplayInfo };

/**
 * Off: no wall window. On: full screen on the wall display whenever there is one (so it comes back by itself at every
 * start and when the wall monitor is plugged in again), unless closed by hand; with one display, only when opened by
 * hand, then over the console on that display until the same key closes it.
 */
export function planWallWindow({ enabled, displays, primaryId, byHand }: WallWindowState): WallWindowPlan {
  if (!enabled || byHand === 'closed') return { open: false };
  const wall = wallDisplay(displays, primaryId);
  if (wall) return { open: true, display: wall };
  const primary = displays.find((d) => d.id === primaryId) ?? displays[0];
  return byHand === 'open' && primary ? { open: true, display: primary } : { open: false };
}

/** The shortcut pressed while the window was open (or not): what the operator wants next. */
export function toggleByHand(isOpen: boolean): ByHand {
  return isOpen ? 'closed' : 'open';
}

/** What the window needs of Electron's `Input` (before-input-event). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/** Ctrl+Shift+W (⌘⇧W on a Mac): opens and closes the wall window, from the console's window or the wall's. */
export function isWallShortcut(input: KeyInput): boolean {
  return input.type === 'keyDown' && input.key.toLowerCase() === 'w' && input.shift && (input.control || input.meta) && !input.alt;
}

/** The window's place: the display's whole area (full screen covers its taskbar too). */
export function sameBounds(a: Bounds, b: Bounds): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}
