// The serial ports the machine offers now: serialport's list plus the stable /dev/serial/by-id links; never throws.
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { AppError } from '../../../shared/contract/app-error';
import type { PortInfo, PortList } from '../../../shared/contract/links';

/** What serialport's list gives per port (fields may be missing). */
export interface RawPort {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  pnpId?: string;
  vendorId?: string;
  productId?: string;
}

export interface PortListOptions {
  /** Defaults to serialport's `SerialPort.list()` (on Linux it runs `udevadm info -e`). */
  list?: () => Promise<RawPort[]>;
  byIdDir?: string;
  /** A hung `udevadm` must not hang the engineer's dialog. */
  timeoutMs?: number;
}

export const linuxByIdDir = '/dev/serial/by-id';

const orNull = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A node that vanished between listing and resolving is still worth showing under its own name.
    return path;
  }
}

/** by-id link → the device node it points at; none when the folder is absent (no USB serial adapter plugged in). */
function byIdLinks(dir: string): Map<string, string> {
  const links = new Map<string, string>();
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return links;
  }
  for (const name of names.sort()) {
    const link = join(dir, name);
    const target = realPath(link);
    if (!links.has(target)) links.set(target, link);
  }
  return links;
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function listPorts(options: PortListOptions = {}): Promise<PortList> {
  const list = options.list ?? (() => SerialPort.list());
  let raw: RawPort[] = [];
  let warning: PortList['warning'] = null;
  try {
    raw = await withTimeout(list(), options.timeoutMs ?? 5000);
  } catch (err) {
    warning = new AppError('devices_port_list_incomplete', 'devices_port_list_incomplete', { reason: err instanceof Error ? err.message : String(err) }).toData();
  }
  const links = byIdLinks(options.byIdDir ?? linuxByIdDir);
  const ports: PortInfo[] = raw.map((port) => ({
    path: port.path,
    byIdPath: links.get(realPath(port.path)) ?? null,
    manufacturer: orNull(port.manufacturer),
    serialNumber: orNull(port.serialNumber),
    vendorId: orNull(port.vendorId?.toLowerCase()),
    productId: orNull(port.productId?.toLowerCase()),
  }));
  // A link whose node the list missed (it failed, or the adapter is new to it) is still a port the engineer can pick.
  const listed = new Set(raw.map((port) => realPath(port.path)));
  for (const [target, link] of links) {
    if (!listed.has(target)) ports.push({ path: target, byIdPath: link, manufacturer: null, serialNumber: null, vendorId: null, productId: null });
  }
  ports.sort((a, b) => a.path.localeCompare(b.path));
  return { ports, warning };
}
