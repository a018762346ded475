// The words of the simulator command language: splitting a line, reading typed arguments, the one error it raises.

import { AppError } from '../../../../shared/contract/app-error';

export const badCommandCode = 'devices.sim.badCommand';

/** Every malformed or unknown simulator command: one line saying what is wrong, never a crash. */
export function badCommand(reason: string): AppError {
  return new AppError(badCommandCode, badCommandCode, { reason });
}

/** An error as one line for a person: the reason of a simulator error, else its code and params. */
export function errorLine(error: unknown): string {
  if (error instanceof AppError) {
    const { reason, ...rest } = error.params;
    const details = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return typeof reason === 'string' ? `${reason} (${error.code})` : `${error.code}${details}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** What one kind of simulated device understands: its usage lines, a parser, and how to carry a command out. */
export interface CommandGrammar<C, T> {
  /** `[usage, what it does]`, one per command, for `help`. */
  usage: readonly (readonly [string, string])[];
  /** The parsed command, or undefined when `name` is not one of this kind's commands. */
  parse(name: string, args: readonly string[]): C | undefined;
  /** Carries the command out; resolves with a one-line result. */
  run(target: T, command: C): Promise<string>;
  status(target: T): string;
}

/** Splits a script into command lines at `;` and line ends; blank lines and `#` comments are dropped. */
export function splitScript(text: string): string[] {
  return text
    .split(/[;\n\r]/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

export function words(line: string): string[] {
  return line.trim().split(/\s+/).filter((word) => word !== '');
}

/** Checks the argument count against the usage line. */
export function expectArgs(args: readonly string[], min: number, max: number, usage: string): void {
  if (args.length < min || args.length > max) {
    throw badCommand(`${args.length < min ? 'missing' : 'too many'} arguments (usage: ${usage})`);
  }
}

/** The i-th argument; call after expectArgs, so a missing one is a bug, reported like a bad command all the same. */
export function arg(args: readonly string[], index: number, usage: string): string {
  const value = args[index];
  if (value === undefined) throw badCommand(`missing arguments (usage: ${usage})`);
  return value;
}

export function wholeNumber(word: string, what: string, min: number, max: number): number {
  const value = /^\d+$/.test(word) ? Number(word) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw badCommand(`${what} must be a whole number ${min}–${max}, got "${word}"`);
  }
  return value;
}

/** Reads one of a fixed set of words (case-insensitive), e.g. on|off. */
export function oneOf<V>(word: string, what: string, choices: Readonly<Record<string, V>>): V {
  const key = word.toLowerCase();
  if (Object.hasOwn(choices, key)) return choices[key] as V;
  throw badCommand(`${what} must be ${Object.keys(choices).join(' or ')}, got "${word}"`);
}

export const onOff = { on: true, off: false } as const;

/** Hex bytes, written together or spread over several words (`0102ff`, `01 02 ff`, `0x01 0x02`). */
export function hexBytes(args: readonly string[], what: string): Uint8Array {
  const text = args.map((word) => word.replace(/^0x/i, '')).join('');
  if (text === '' || text.length % 2 !== 0 || !/^[0-9a-f]+$/i.test(text)) {
    throw badCommand(`${what} must be hex bytes (pairs of 0-9 a-f), got "${args.join(' ')}"`);
  }
  return Uint8Array.from(Buffer.from(text, 'hex'));
}

/** A finite decimal number, e.g. a sensor value `23.5` or `-4`. */
export function decimal(word: string, what: string): number {
  const value = /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(word) ? Number(word) : Number.NaN;
  if (!Number.isFinite(value)) throw badCommand(`${what} must be a number, got "${word}"`);
  return value;
}

export const onOffLine = (on: boolean): string => (on ? 'on' : 'off');
