// Runs every enabled device: one link each, its status, readings and traffic, journaled when it connects or drops.
import type { AppErrorData } from '../../../shared/contract/app-error';
import type { DeviceReading } from '../../../shared/domain/devices/device-signals';
import type { LinkStatus, DriverKind, PortMatch, SerialPortSettings, TrafficPage } from '../../../shared/contract/links';
import type { AlarmIngest } from '../alarms/alarm-ingest';
import type { CoreContext } from '../context';
import { inTransaction } from '../journal/service';
import { type LinkConnection, createLinkConnection, type ConnectionStatus } from './link-connection';
import { driverRegistry, type PortOpener } from './driver-registry';
import type { DriverSession } from './driver-session';
import { loadLeftActive } from './left-active-conditions';
import { portAlarm, hasActivePortAlarm } from './port-alarm';
import type { PortLister } from './port-match';
import { openSerialBytePort } from './port/serial-byte-port';
import type { BackoffOptions } from './reconnect-backoff';
import { createTrafficCapture, type TrafficCapture } from './traffic-capture';

/** A configured device as the supervisor runs it: settings parsed, secrets in clear (never leaves the core). */
export interface RunnableLink {
  id: string;
  name: string;
  driver: DriverKind;
  portPath: string;
  portMatch: PortMatch;
  serial: SerialPortSettings;
  settings: Record<string, unknown>;
  assetId: string | null;
  enabled: boolean;
  updatedAt: number;
  /** Why it cannot run as stored (its secrets no longer open): shown as its error, and it is not started. */
  problem: AppErrorData | null;
}

export interface DeviceSupervisorOptions {
  ingest: AlarmIngest;
  listPorts: PortLister;
  backoff: BackoffOptions;
  /** False: devices are configured but never opened (tests of the configuration alone). */
  autoStart: boolean;
  openPort?: PortOpener;
  trafficCapacity?: number;
  /** Hands every reading on to the readings history (readings/reading-recorder.ts) besides keeping the latest. */
  recordReading?: (linkId: string, reading: DeviceReading) => void;
}

export interface DeviceSupervisor {
  /** (Re)starts the device with this configuration: stops its old session first, then runs it if enabled. */
  apply(endpoint: RunnableLink): Promise<void>;
  remove(id: string): Promise<void>;
  status(id: string): LinkStatus | null;
  readings(id: string): DeviceReading[];
  traffic(id: string, afterSeq: number, limit: number): TrafficPage;
  session(id: string): DriverSession | null;
  /** Stops every session and waits for their last journal entries. */
  stop(): Promise<void>;
}

interface Running {
  endpoint: RunnableLink;
  link: LinkConnection | null;
  capture: TrafficCapture;
  readings: Map<string, DeviceReading>;
  /** Journal entries and port alarms of this device, in the order its link changed. */
  chain: Promise<void>;
  portAlarmRaised: boolean;
}

const systemOperator = 'system';

export function createDeviceSupervisor(ctx: CoreContext, options: DeviceSupervisorOptions): DeviceSupervisor {
  const devices = new Map<string, Running>();
  const now = (): number => ctx.clock.now();
  let stopping = false;

  const later = (device: Running, what: string, task: () => Promise<void>): void => {
    device.chain = device.chain.then(task).catch((err: unknown) => console.error(`[devices] ${what} for ${device.endpoint.id} failed:`, err));
  };

  const raisePortAlarm = (device: Running, status: ConnectionStatus): void => {
    if (device.portAlarmRaised) return;
    device.portAlarmRaised = true;
    const { endpoint } = device;
    later(device, 'raising the port alarm', () =>
      options.ingest.handlerFor({ deviceId: endpoint.id, deviceName: endpoint.name, assetId: endpoint.assetId })(
        portAlarm('raised', now(), { path: endpoint.portPath, error: status.lastError?.code ?? null }),
      ),
    );
  };

  const restorePortAlarm = (device: Running, detail: Record<string, string | null>): void => {
    const { endpoint } = device;
    later(device, 'restoring the port alarm', async () => {
      // Raised by this run, or left active by an earlier one.
      if (!device.portAlarmRaised && !(await hasActivePortAlarm(ctx.db, endpoint.id))) return;
      device.portAlarmRaised = false;
      await options.ingest.handlerFor({ deviceId: endpoint.id, deviceName: endpoint.name, assetId: endpoint.assetId })(portAlarm('restored', now(), detail));
    });
  };

  const onStatus = (device: Running, status: ConnectionStatus, previous: ConnectionStatus): void => {
    ctx.emit('links.changed', { ids: [device.endpoint.id] });
    const connected = status.state === 'connected';
    if (connected && previous.state !== 'connected') restorePortAlarm(device, { path: status.currentPath });
    if (!connected && (previous.state === 'connected' || previous.state === 'connecting')) raisePortAlarm(device, status);
    // Journaled only when it starts or stops talking; retries in between are not news.
    if (connected === (previous.state === 'connected')) return;
    const { endpoint } = device;
    later(device, 'journaling the link change', () =>
      inTransaction(ctx, async (_trx, journal) => {
        await journal({
          type: 'link.state_changed',
          entityType: 'link',
          entityId: endpoint.id,
          payload: {
            name: endpoint.name,
            state: status.state,
            previousState: previous.state,
            path: status.currentPath ?? endpoint.portPath,
            error: status.lastError,
            reconnects: status.reconnects,
          },
          operator: systemOperator,
        });
      }),
    );
  };

  const startLink = (device: Running): void => {
    const { endpoint } = device;
    const source = { deviceId: endpoint.id, deviceName: endpoint.name, assetId: endpoint.assetId };
    const alarm = options.ingest.handlerFor(source);
    const alarms = options.ingest.batchHandlerFor(source);
    const link: LinkConnection = createLinkConnection({
      portPath: endpoint.portPath,
      portMatch: endpoint.portMatch,
      serial: endpoint.serial,
      driver: driverRegistry[endpoint.driver],
      settings: endpoint.settings,
      now,
      listPorts: options.listPorts,
      openPort: options.openPort ?? openSerialBytePort,
      backoff: options.backoff,
      // What is still on its way to the alarm table (a raise of the session just stopped) is recorded first.
      leftActive: async () => {
        await options.ingest.idle();
        return loadLeftActive(ctx.db, endpoint.id);
      },
      handlers: {
        alarm,
        alarms,
        reading: (reading) => {
          device.readings.set(reading.key, reading);
          options.recordReading?.(endpoint.id, reading);
        },
        traffic: (record) => device.capture.record(record),
      },
      onStatus: (status, previous) => {
        if (device.link === link) onStatus(device, status, previous);
      },
    });
    device.link = link;
    link.start();
  };

  const halt = async (device: Running): Promise<void> => {
    const link = device.link;
    device.link = null;
    await link?.stop();
  };

  return {
    async apply(endpoint) {
      const existing = devices.get(endpoint.id);
      if (existing) await halt(existing);
      const device: Running = existing ?? {
        endpoint,
        link: null,
        capture: createTrafficCapture(options.trafficCapacity),
        readings: new Map(),
        chain: Promise.resolve(),
        portAlarmRaised: false,
      };
      const wasRunning = existing?.endpoint.enabled ?? false;
      device.endpoint = endpoint;
      devices.set(endpoint.id, device);
      if (!endpoint.enabled && wasRunning) restorePortAlarm(device, { reason: 'disabled' });
      if (endpoint.enabled && !endpoint.problem && options.autoStart && !stopping) startLink(device);
      ctx.emit('links.changed', { ids: [endpoint.id] });
    },
    async remove(id) {
      const device = devices.get(id);
      if (!device) return;
      await halt(device);
      restorePortAlarm(device, { reason: 'removed' });
      await device.chain;
      devices.delete(id);
    },
    status(id) {
      const device = devices.get(id);
      if (!device) return null;
      const health = device.capture.health();
      const link = device.link?.status();
      if (!link) {
        const state = device.endpoint.enabled ? 'offline' : 'disabled';
        return { state, since: device.endpoint.updatedAt, currentPath: null, lastError: device.endpoint.problem, health: { ...health, reconnects: 0 } };
      }
      return { state: link.state, since: link.since, currentPath: link.currentPath, lastError: link.lastError, health: { ...health, reconnects: link.reconnects } };
    },
    readings: (id) => [...(devices.get(id)?.readings.values() ?? [])].sort((a, b) => a.key.localeCompare(b.key)),
    traffic(id, afterSeq, limit) {
      const device = devices.get(id);
      return device ? device.capture.page(afterSeq, limit) : { lines: [], lastSeq: 0, dropped: false };
    },
    session: (id) => devices.get(id)?.link?.session() ?? null,
    async stop() {
      stopping = true;
      await Promise.all([...devices.values()].map(halt));
      await Promise.all([...devices.values()].map((d) => d.chain));
    },
  };
}
