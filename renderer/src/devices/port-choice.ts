// How a serial port is shown to the engineer and what picking it fills in: the path to open and how to find it again.
import type { PortInfo, PortMatch } from '../../../shared/contract/links';

/** `0403:6001` as lsusb prints it, or null for a port that is not a USB adapter. */
export function vidPid(port: Pick<PortInfo, 'vendorId' | 'productId'>): string | null {
  if (!port.vendorId && !port.productId) return null;
  return `${(port.vendorId ?? '????').toLowerCase()}:${(port.productId ?? '????').toLowerCase()}`;
}

/**
 * Picking a port: open it by its stable /dev/serial/by-id link when there is one (it survives a replug on another
 * USB socket), and remember the adapter's identity so the core finds it again under a new path.
 */
export function choosePort(port: PortInfo): { portPath: string; portMatch: PortMatch } {
  return {
    portPath: port.byIdPath ?? port.path,
    portMatch: { serialNumber: port.serialNumber, vendorId: port.vendorId, productId: port.productId },
  };
}

/** The port a configured path refers to, whether the path is the device node or its by-id link. */
export function findPort(ports: readonly PortInfo[], path: string): PortInfo | undefined {
  return ports.find((p) => p.path === path || p.byIdPath === path);
}

/** One line identifying an adapter: manufacturer, VID:PID, serial number — whatever the port reports. */
export function portIdentity(port: PortInfo): string {
  const parts = [port.manufacturer, vidPid(port), port.serialNumber ? `SN ${port.serialNumber}` : null];
  return parts.filter((p): p is string => Boolean(p)).join(' · ');
}
