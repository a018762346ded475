// The Modbus session's diagnostics test commands: what they are and their validated parameters.

import { z } from 'zod';
import { AppError } from '../../../../shared/contract/app-error';
import type { DetailValue, TestCommandSpec } from '../driver-session';
import { maxBitsPerRead, maxRegistersPerRead } from './read-plan';

export const modbusTestCommands: TestCommandSpec[] = [
  { id: 'readAll', label: { zh: '立即读取全部测点', en: 'Read all points now' }, dangerous: false, params: {} },
  {
    id: 'readRegisters',
    label: { zh: '读寄存器', en: 'Read registers' },
    dangerous: false,
    params: { function: 'number', address: 'number', count: 'number' },
  },
  {
    id: 'writeRegister',
    label: { zh: '写单个寄存器', en: 'Write single register' },
    dangerous: true,
    params: { address: 'number', value: 'number' },
  },
];

const address = z.number().int().min(0).max(0xffff);

const readRegistersParams = z
  .object({ function: z.literal([1, 2, 3, 4]), address, count: z.number().int().min(1) })
  .superRefine((p, ctx) => {
    const max = p.function <= 2 ? maxBitsPerRead : maxRegistersPerRead;
    if (p.count > max) ctx.addIssue({ code: 'custom', path: ['count'], message: `count_above_${max}` });
    if (p.address + p.count > 0x10000) ctx.addIssue({ code: 'custom', path: ['count'], message: 'past_last_address' });
  });

/** A register holds 16 bits: accept them unsigned (0–65535) or as a signed word (−32768–32767). */
const writeRegisterParams = z.object({ address, value: z.number().int().min(-0x8000).max(0xffff) });

export type ReadRegistersParams = z.output<typeof readRegistersParams>;
export type WriteRegisterParams = z.output<typeof writeRegisterParams>;

function parseParams<T>(schema: z.ZodType<T>, command: string, params: Record<string, DetailValue>): T {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message }));
  throw new AppError('devices.modbus.invalidParams', 'devices.modbus.invalidParams', { command, field: issues[0]?.path ?? '' }, issues);
}

export function parseReadRegistersParams(params: Record<string, DetailValue>): ReadRegistersParams {
  return parseParams(readRegistersParams, 'readRegisters', params);
}

export function parseWriteRegisterParams(params: Record<string, DetailValue>): WriteRegisterParams {
  const parsed = parseParams(writeRegisterParams, 'writeRegister', params);
  return { address: parsed.address, value: parsed.value & 0xffff };
}
