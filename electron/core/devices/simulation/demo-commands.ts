// Commands for the whole demo site: `<kind> <command>` for one device, plus `status`, `help` and `wait` for all.

import { driverKinds, type DriverKind } from '../../../../shared/contract/links';
import { badCommand, errorLine, splitScript, wholeNumber, words } from './command-words';
import { parseSimulatorCommand } from './simulator-commands';

export type DemoCommand = { scope: 'device'; kind: DriverKind; line: string } | { scope: 'wait'; ms: number } | { scope: 'status' } | { scope: 'help' };

export interface DemoCommandTarget {
  run(kind: DriverKind, commandLine: string): Promise<string>;
}

export const demoHelp = [
  'demo site commands:',
  `  <kind> <command>  a command for one device (kinds: ${driverKinds.join(', ')}), e.g. osdp swipe 1 8106606`,
  '  <kind> help       that device\'s commands',
  '  status            every device\'s status',
  '  wait <ms>         pauses a script',
  '  help              this list',
].join('\n');

const isKind = (word: string): word is DriverKind => (driverKinds as readonly string[]).includes(word);

/** Parses one line, checking the device command too, so a bad script is refused before it starts. */
export function parseDemoCommand(line: string): DemoCommand {
  const [first, ...rest] = words(line);
  if (first === undefined) throw badCommand('empty command; type help for the list');
  const name = first.toLowerCase();
  if (isKind(name)) {
    if (rest.length === 0) throw badCommand(`${name}: which command? (type ${name} help)`);
    const deviceLine = rest.join(' ');
    parseSimulatorCommand(name, deviceLine);
    return { scope: 'device', kind: name, line: deviceLine };
  }
  if (name === 'wait' && rest.length === 1) return { scope: 'wait', ms: wholeNumber(rest[0] ?? '', 'wait (ms)', 0, 3_600_000) };
  if ((name === 'status' || name === 'help') && rest.length === 0) return { scope: name };
  throw badCommand(`unknown demo command "${first}": start with a device kind (${driverKinds.join(', ')}), or status, wait, help`);
}

export function parseDemoScript(script: string): DemoCommand[] {
  return splitScript(script).map(parseDemoCommand);
}

export async function runDemoCommand(site: DemoCommandTarget, command: DemoCommand, wait: (ms: number) => Promise<void>): Promise<string> {
  switch (command.scope) {
    case 'device':
      return site.run(command.kind, command.line);
    case 'wait':
      await wait(command.ms);
      return `waited ${command.ms} ms`;
    case 'help':
      return demoHelp;
    case 'status': {
      const lines = await Promise.all(driverKinds.map((kind) => site.run(kind, 'status').then((s) => s, errorLine)));
      return driverKinds.map((kind, i) => `${kind}: ${lines[i] ?? ''}`).join('\n');
    }
  }
}
