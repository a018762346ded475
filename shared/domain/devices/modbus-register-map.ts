// A Modbus device model as data: serial defaults and a register map (points with type, scale, unit and alarm limits).

import { z } from 'zod';
import { AppError } from '../../contract/app-error';

/** Modbus read function codes (Modbus Application Protocol V1.1b3 §6.1–6.4): coils, discrete inputs, holding, input registers. */
export const modbusReadFunctions = [1, 2, 3, 4] as const;
export type ModbusReadFunction = (typeof modbusReadFunctions)[number];

export const modbusPointTypes = ['bool', 'u16', 's16', 'u32', 's32', 'f32'] as const;
export type ModbusPointType = (typeof modbusPointTypes)[number];

/** How many 16-bit registers a value of this type spans; a bool read from coils/discrete inputs spans one bit. */
export function registerWidth(type: ModbusPointType): 1 | 2 {
  return type === 'u32' || type === 's32' || type === 'f32' ? 2 : 1;
}

const localText = (max: number) =>
  z.object({ zh: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

const severity = z.enum(['critical', 'major', 'minor', 'info']);

/** A numeric limit: `high` raises when the value goes above it, `low` when it goes below. */
const limitAlarm = z.object({ value: z.number().finite(), severity, text: localText(100) });

/** A bool alarm: raised while the point equals `value` (a leak detected, a smoke alarm). */
const stateAlarm = z.object({ value: z.boolean(), severity, text: localText(100) });

const pointAlarms = z.object({
  high: limitAlarm.optional(),
  low: limitAlarm.optional(),
  state: stateAlarm.optional(),
  /**
   * Deadband in engineering units: a high alarm restores only once the value is at or below
   * `high - hysteresis` (a low one at or above `low + hysteresis`), so a value hovering at the
   * limit does not flap.
   */
  hysteresis: z.number().finite().min(0).default(0),
});

const pointSchema = z.object({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'key_format'),
  label: localText(60),
  function: z.literal(modbusReadFunctions),
  address: z.number().int().min(0).max(0xffff),
  type: z.enum(modbusPointTypes),
  /** For 32-bit types: 'big' = high word in the lower address (Modbus big-endian), 'little' = low word first. */
  wordOrder: z.enum(['big', 'little']).default('big'),
  /** For a bool packed in a register: which bit (0 = least significant); absent means "non-zero is true". */
  bit: z.number().int().min(0).max(15).optional(),
  /** value = raw × scale + offset. */
  scale: z.number().finite().refine((n) => n !== 0, 'scale_zero').default(1),
  offset: z.number().finite().default(0),
  unit: z.string().trim().max(20).default(''),
  alarms: pointAlarms.default({ hysteresis: 0 }),
});

const serialDefaults = z.object({
  baudRate: z.literal([1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200]).default(9600),
  parity: z.enum(['none', 'even', 'odd']).default('none'),
  stopBits: z.literal([1, 2]).default(1),
  /** Modbus over Serial Line V1.02 §2.2: unicast slave addresses are 1–247. */
  slaveAddress: z.number().int().min(1).max(247).default(1),
  pollIntervalMs: z.number().int().min(200).max(3_600_000).default(2000),
  timeoutMs: z.number().int().min(50).max(10_000).default(500),
});

export const modbusDeviceModelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'id_format'),
    name: localText(100),
    vendor: z.string().trim().max(100).default(''),
    defaults: serialDefaults.default({
      baudRate: 9600, parity: 'none', stopBits: 1, slaveAddress: 1, pollIntervalMs: 2000, timeoutMs: 500,
    }),
    points: z.array(pointSchema).min(1).max(200),
  })
  .superRefine((model, ctx) => {
    const seen = new Set<string>();
    model.points.forEach((point, index) => {
      const at = (...path: (string | number)[]) => ['points', index, ...path];
      const fail = (message: string, ...path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path: at(...path) });
      if (seen.has(point.key)) fail('key_duplicate', 'key');
      seen.add(point.key);
      const isBitTable = point.function === 1 || point.function === 2;
      if (isBitTable && point.type !== 'bool') fail('type_needs_register_function', 'type');
      if (point.bit !== undefined && (isBitTable || point.type !== 'bool')) fail('bit_only_for_bool_in_register', 'bit');
      if (point.address + registerWidth(point.type) - 1 > 0xffff) fail('address_past_end', 'address');
      const { high, low, state, hysteresis } = point.alarms;
      if (point.type === 'bool') {
        if (high) fail('limit_on_bool', 'alarms', 'high');
        if (low) fail('limit_on_bool', 'alarms', 'low');
      } else if (state) {
        fail('state_on_number', 'alarms', 'state');
      }
      if (high && low && high.value <= low.value) fail('high_not_above_low', 'alarms', 'high', 'value');
      if (high && low && hysteresis >= high.value - low.value) fail('hysteresis_too_wide', 'alarms', 'hysteresis');
    });
  });

export type ModbusDeviceModel = z.output<typeof modbusDeviceModelSchema>;
export type ModbusDeviceModelInput = z.input<typeof modbusDeviceModelSchema>;
export type ModbusPoint = ModbusDeviceModel['points'][number];
export type ModbusLimitAlarm = NonNullable<ModbusPoint['alarms']['high']>;
export type ModbusStateAlarm = NonNullable<ModbusPoint['alarms']['state']>;

/** Validates a map (shipped or entered by an engineer); the AppError's issues name each bad field, e.g. `points.2.scale`. */
export function parseModbusDeviceModel(input: unknown): ModbusDeviceModel {
  const parsed = modbusDeviceModelSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message }));
  const first = issues[0];
  throw new AppError('devices.modbus.mapInvalid', 'devices.modbus.mapInvalid', { field: first ? first.path : '' }, issues);
}
