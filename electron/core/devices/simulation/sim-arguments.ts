// The `npm run sim` command line: its usage text and the parsed request, with one clear error for bad arguments.

import { AppError } from '../../../../shared/contract/app-error';
import { driverKinds, type DriverKind } from '../../../../shared/contract/links';

export type SimRequest =
  | { mode: 'help' }
  | { mode: 'device'; kind: DriverKind; path?: string; dir?: string; script?: string; modelId?: string }
  | { mode: 'demo'; dir?: string; script?: string; life: boolean };

export const simUsage = [
  'Usage: npm run sim -- <kind> [--path P | --dir D] [--model ID] [--script "cmd; wait 500; cmd"]',
  '       npm run sim -- demo [--dir D] [--no-life] [--script "osdp swipe 1 8106606; wait 500; contact-id fire 1234 3"]',
  '       npm run sim -- --help',
  '',
  `  <kind>      ${driverKinds.join(', ')}`,
  '  --path P    play the device on P (the device end of a USB-serial adapter or an existing pty)',
  '  --dir D     make the pty pair as D/console (configure this in the console) and D/device; default a temp folder',
  '  --model ID  modbus: the shipped register map to play (default th-rs485-generic)',
  '  --script S  run these commands, then stop (exit 1 if one fails); without it, type commands (help lists them)',
  '  demo        the demo site: one device of each kind, each on its own pty pair under D/<kind>/console',
  '  --no-life   demo: no card swipes, climate drift or rare alarms by themselves',
  '',
  'Without --path a socat pty pair is made (install socat: sudo apt-get install socat). Ctrl-C stops and removes it.',
].join('\n');

export function badArguments(reason: string): AppError {
  return new AppError('devices.sim.badArguments', 'devices.sim.badArguments', { reason });
}

const valueFlags = ['--path', '--dir', '--script', '--model'] as const;
type ValueFlag = (typeof valueFlags)[number];

const isKind = (word: string): word is DriverKind => (driverKinds as readonly string[]).includes(word);

/** Reads the arguments after `npm run sim --`; AppError `devices.sim.badArguments` naming what is wrong. */
export function parseSimArguments(argv: readonly string[]): SimRequest {
  const values = new Map<ValueFlag, string>();
  const positional: string[] = [];
  let noLife = false;
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] ?? '';
    if (word === '--help' || word === '-h') return { mode: 'help' };
    if (word === '--no-life') {
      noLife = true;
      continue;
    }
    const [flag, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    if ((valueFlags as readonly string[]).includes(flag)) {
      const value = inline ?? argv[i + 1];
      if (inline === undefined) i += 1;
      if (value === undefined || value === '') throw badArguments(`${flag} needs a value`);
      if (values.has(flag as ValueFlag)) throw badArguments(`${flag} given twice`);
      values.set(flag as ValueFlag, value);
      continue;
    }
    if (word.startsWith('-')) throw badArguments(`unknown option ${word}`);
    positional.push(word);
  }
  const [target, ...extra] = positional;
  if (target === undefined) throw badArguments(`missing the device kind (${driverKinds.join(', ')}) or demo`);
  if (extra.length > 0) throw badArguments(`unexpected argument "${extra[0]}"`);
  const dir = values.get('--dir');
  const script = values.get('--script');
  if (target === 'demo') {
    for (const flag of ['--path', '--model'] as const) if (values.has(flag)) throw badArguments(`${flag} is not for the demo site`);
    return { mode: 'demo', dir, script, life: !noLife };
  }
  if (!isKind(target)) throw badArguments(`unknown device kind "${target}" (kinds: ${driverKinds.join(', ')}, or demo)`);
  if (noLife) throw badArguments('--no-life is for the demo site');
  const path = values.get('--path');
  if (path !== undefined && dir !== undefined) throw badArguments('--path and --dir exclude each other: --path plays on an existing port, --dir names a new pty pair');
  const modelId = values.get('--model');
  if (modelId !== undefined && target !== 'modbus') throw badArguments('--model is for the modbus simulator');
  return { mode: 'device', kind: target, path, dir, script, modelId };
}
