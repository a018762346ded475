// The five drivers behind one shape: each one's settings check, secret fields, serial defaults and session factory.
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/app-error';
import {
  contactIdSettingsSchema,
  driverProtocols,
  megatecSettingsSchema,
  modbusSettingsSchema,
  nx584SettingsSchema,
  osdpSettingsSchema,
  type DriverProtocol,
} from '../../../shared/contract/device-protocols';
import type { DriverKind, SerialPortSettings } from '../../../shared/contract/links';
import { createContactIdSession } from './contact-id/session';
import type { DriverSession, SessionHandlers } from './driver-session';
import { createMegatecSession } from './megatec/session';
import { shippedModbusModel } from './modbus/models/shipped-models';
import { createModbusSession } from './modbus/session';
import { createNx584Session } from './nx584/session';
import { createOsdpSession } from './osdp/session';
import type { BytePort } from './port/byte-port';

export type PortOpener = (path: string, settings: SerialPortSettings) => Promise<BytePort>;

export interface SessionOpenArgs {
  path: string;
  serial: SerialPortSettings;
  /** Parsed by the driver's schema, secrets in clear. */
  settings: Record<string, unknown>;
  handlers: SessionHandlers;
  now: () => number;
  openPort: PortOpener;
}

/** A session on an open port, not yet started. */
export interface OpenedSession {
  session: DriverSession;
  /** Called once when the port goes away (unplugged) or is closed. */
  onClose(listener: (error?: Error) => void): void;
  /** Stops the session and closes its port. */
  close(): Promise<void>;
}

export interface Driver extends DriverProtocol {
  kind: DriverKind;
  /** The settings with defaults filled in; AppError `device_protocol_invalid` naming the field otherwise. */
  parseSettings(raw: unknown): Record<string, unknown>;
  open(args: SessionOpenArgs): Promise<OpenedSession>;
  /** Whether a session on these settings judges the condition (false: it names a part the settings no longer have). */
  claims(settings: Record<string, unknown>, conditionKey: string): boolean;
}

interface SettingsIssue {
  path: PropertyKey[];
  code: string;
  message: string;
  /** Set by zod for fields the schema does not know. */
  keys?: string[];
}

function invalidSettings(kind: DriverKind, issues: SettingsIssue[]): AppError {
  const named = issues.map((i) => ({ path: ['protocol', ...i.path.map(String), ...(i.keys?.slice(0, 1) ?? [])].join('.'), code: i.code, message: i.message }));
  return new AppError('device_protocol_invalid', 'device_protocol_invalid', { driver: kind, field: named[0]?.path ?? 'protocol' }, named);
}

function defineDriver<S extends z.ZodType<Record<string, unknown>>>(
  kind: DriverKind,
  schema: S,
  check: (settings: z.output<S>) => { path: PropertyKey[]; message: string } | null,
  open: (settings: z.output<S>, args: SessionOpenArgs) => Promise<OpenedSession>,
  claims: (settings: z.output<S>, conditionKey: string) => boolean = () => true,
): Driver {
  const parse = (raw: unknown): z.output<S> => {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw invalidSettings(kind, parsed.error.issues);
    const problem = check(parsed.data);
    if (problem) throw invalidSettings(kind, [{ ...problem, code: 'custom' }]);
    return parsed.data;
  };
  return { kind, ...driverProtocols[kind], parseSettings: parse, open: (args) => open(parse(args.settings), args), claims: (raw, key) => claims(parse(raw), key) };
}

const noCheck = (): null => null;

/** The drivers that run over a BytePort this layer opens. */
async function onBytePort(args: SessionOpenArgs, make: (port: BytePort) => DriverSession): Promise<OpenedSession> {
  const port = await args.openPort(args.path, args.serial);
  let session: DriverSession;
  try {
    session = make(port);
  } catch (err) {
    await port.close();
    throw err;
  }
  return {
    session,
    onClose: (listener) => void port.onClose(listener),
    async close() {
      session.stop();
      await port.close();
    },
  };
}

/** The PD address or slave a condition key of the protocol names (`osdp:1:secure`, `modbus:2:temp:high`), else null. */
function partOf(conditionKey: string, protocol: 'osdp' | 'modbus'): number | null {
  const [prefix, part] = conditionKey.split(':');
  return prefix === protocol && part !== undefined && /^\d+$/.test(part) ? Number(part) : null;
}

const hexBytes = (hex: string): Uint8Array => Uint8Array.from(Buffer.from(hex, 'hex'));

export const driverRegistry: Record<DriverKind, Driver> = {
  'contact-id': defineDriver('contact-id', contactIdSettingsSchema, noCheck, (s, args) =>
    onBytePort(args, (port) => createContactIdSession({ port, handlers: args.handlers, now: args.now, ...s })),
  ),
  nx584: defineDriver('nx584', nx584SettingsSchema, noCheck, (s, args) =>
    onBytePort(args, (port) => createNx584Session({ port, handlers: args.handlers, now: args.now, ...s, pin: s.pin ?? undefined })),
  ),
  osdp: defineDriver('osdp', osdpSettingsSchema, noCheck, (s, args) =>
    onBytePort(args, (port) =>
      createOsdpSession({
        port,
        handlers: args.handlers,
        now: args.now,
        ...s,
        pds: s.pds.map((pd) => ({ address: pd.address, scbk: pd.scbk ? hexBytes(pd.scbk) : undefined, secure: pd.secure })),
      }),
    ),
    (s, key) => partOf(key, 'osdp') === null || s.pds.some((pd) => pd.address === partOf(key, 'osdp')),
  ),
  modbus: defineDriver(
    'modbus',
    modbusSettingsSchema,
    (s) => (s.model || shippedModbusModel(s.modelId) ? null : { path: ['modelId'], message: 'unknown_model' }),
    async (s, args) => {
      const model = s.model ?? shippedModbusModel(s.modelId)!;
      // modbus-serial opens the port itself; its client watches the device node and says when the port is gone.
      const session = await createModbusSession({
        path: args.path,
        serialSettings: args.serial,
        handlers: args.handlers,
        now: args.now,
        model,
        slaveAddress: s.slaveAddress ?? model.defaults.slaveAddress,
        pollIntervalMs: s.pollIntervalMs ?? model.defaults.pollIntervalMs,
        timeoutMs: s.timeoutMs ?? model.defaults.timeoutMs,
        linkLostAfterFailures: s.linkLostAfterFailures,
      });
      const listeners = new Set<(error?: Error) => void>();
      let closed = false;
      const fireClose = (error?: Error): void => {
        if (closed) return;
        closed = true;
        for (const listener of listeners) listener(error);
      };
      session.onPortGone((reason) => fireClose(new AppError('devices.portGone', 'devices.portGone', { path: args.path, reason })));
      return {
        session,
        onClose: (listener) => void listeners.add(listener),
        async close() {
          await session.close();
          fireClose();
        },
      };
    },
    (s, key) => {
      const slave = partOf(key, 'modbus');
      if (slave === null) return true;
      const model = s.model ?? shippedModbusModel(s.modelId);
      const point = key.split(':')[2];
      return slave === (s.slaveAddress ?? model?.defaults.slaveAddress) && (point === 'link' || (model?.points.some((p) => p.key === point) ?? false));
    },
  ),
  megatec: defineDriver('megatec', megatecSettingsSchema, noCheck, (s, args) =>
    onBytePort(args, (port) => createMegatecSession({ port, handlers: args.handlers, now: args.now, ...s })),
  ),
};
