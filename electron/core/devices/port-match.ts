// Finds a device's port: the configured path, or the same USB adapter (serial number, else vendor + product) elsewhere.
import { existsSync, realpathSync } from 'node:fs';
import type { PortInfo, PortMatch } from '../../../shared/contract/links';

export type PortLister = () => Promise<PortInfo[]>;

const realPath = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

const sameId = (a: string | null, b: string | null): boolean => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();

export function hasIdentity(match: PortMatch): boolean {
  return match.serialNumber !== null || (match.vendorId !== null && match.productId !== null);
}

/** The serial number decides when the engineer recorded one; vendor + product only when not. */
export function identifies(port: PortInfo, match: PortMatch): boolean {
  if (match.serialNumber !== null) return port.serialNumber === match.serialNumber;
  return sameId(port.vendorId, match.vendorId) && sameId(port.productId, match.productId);
}

/**
 * The configured path while it exists and is not known to be another adapter (USB numbering follows plug order, so
 * after a replug ttyUSB0 may be a different device); else the listed port that identifies as this one; else null.
 */
export async function resolvePortPath(configured: string, match: PortMatch, listPorts: PortLister): Promise<string | null> {
  const present = existsSync(configured);
  if (!hasIdentity(match)) return present ? configured : null;
  const ports = await listPorts().catch(() => [] as PortInfo[]);
  if (present) {
    const target = realPath(configured);
    const here = ports.find((p) => p.path === configured || p.byIdPath === configured || realPath(p.path) === target);
    if (!here || identifies(here, match)) return configured;
  }
  const found = ports.find((p) => identifies(p, match) && existsSync(p.path));
  return found?.path ?? null;
}
