// `npm run sim -- <kind>|demo …`: plays devices on serial lines for people; prints the paths to configure, takes commands.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { SerialPortSettings } from '../shared/contract/links';
import { errorLine } from '../electron/core/devices/simulation/command-words';
import { parseDemoScript, runDemoCommand } from '../electron/core/devices/simulation/demo-commands';
import { startDemoSite, type DemoSite } from '../electron/core/devices/simulation/demo-site';
import { parseSimArguments, simUsage, type SimRequest } from '../electron/core/devices/simulation/sim-arguments';
import { startSimulatedDevice, type SimulatedDevice, type SimulatedDeviceSpec } from '../electron/core/devices/simulation/simulated-device';
import { parseSimulatorScript } from '../electron/core/devices/simulation/simulator-commands';

const print = (text: string): void => void process.stdout.write(`${text}\n`);
const complain = (text: string): void => void process.stderr.write(`${text}\n`);
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const serialText = (s: SerialPortSettings): string => `${s.baudRate} ${s.dataBits}${s.parity.charAt(0).toUpperCase()}${s.stopBits}`;
const clock = (): string => new Date().toTimeString().slice(0, 8);

/** What the command loop drives: one device, or the demo site (`<kind> <command>`). */
interface Console {
  run(line: string): Promise<string>;
  stop(): Promise<void>;
  onClose(listener: (reason: string) => void): void;
}

function deviceConsole(device: SimulatedDevice): Console {
  return {
    run: (line) => device.run(line),
    stop: () => device.stop(),
    onClose: (listener) => void device.onClose((error) => listener(error ? errorLine(error) : 'closed')),
  };
}

function demoConsole(site: DemoSite): Console {
  return {
    async run(line) {
      const results: string[] = [];
      for (const command of parseDemoScript(line)) results.push(await runDemoCommand(site, command, wait));
      return results.join('\n');
    },
    stop: () => site.stop(),
    onClose: (listener) => {
      for (const device of Object.values(site.devices)) device.onClose((error) => listener(`${device.kind}: ${error ? errorLine(error) : 'closed'}`));
    },
  };
}

async function start(request: Exclude<SimRequest, { mode: 'help' }>): Promise<Console> {
  if (request.mode === 'demo') {
    const dir = request.dir ?? mkdtempSync(join(tmpdir(), 'duty-demo-'));
    const site = await startDemoSite({ dir, life: request.life, log: (line) => print(`[${clock()}] ${line}`) });
    print(`Demo site running under ${dir}. Configure these devices in the console (or tick 演示现场 on first run):`);
    for (const endpoint of site.endpoints) {
      print(`  ${endpoint.name}\n    ${endpoint.driver}  ${endpoint.portPath}  ${serialText(endpoint.serial)}  ${JSON.stringify(endpoint.protocol)}`);
    }
    print(request.life ? 'Cards are swiped about every 45 s, the room climate drifts, now and then a door is forced or it gets too warm.' : 'No life script: the devices only answer.');
    return demoConsole(site);
  }
  const spec: SimulatedDeviceSpec = request.kind === 'modbus' ? { kind: 'modbus', options: { modelId: request.modelId } } : { kind: request.kind };
  const device = await startSimulatedDevice({ ...spec, path: request.path, dir: request.dir });
  print(`${device.kind} simulator running.`);
  if (device.consolePath) print(`  console port: ${device.consolePath}  (configure this path in the console, ${serialText(device.serial)})`);
  print(`  device port:  ${device.devicePath}`);
  return deviceConsole(device);
}

/** Runs lines one after another (a command may wait for an ACK); Ctrl-C or end of input stops. */
function commandLoop(sim: Console): Promise<number> {
  return new Promise((resolve) => {
    let finished = false;
    // A prompt only for a person at a terminal; piped input gets the results alone.
    const interactive = process.stdin.isTTY === true;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive, prompt: 'sim> ' });
    const prompt = (): void => void (interactive && !finished ? rl.prompt() : undefined);
    let queue: Promise<void> = Promise.resolve();
    const finish = (code: number): void => {
      if (finished) return;
      finished = true;
      rl.close();
      void sim.stop().then(() => resolve(code));
    };
    rl.on('line', (line) => {
      if (line.trim() === '') return prompt();
      queue = queue.then(async () => {
        try {
          print(await sim.run(line));
        } catch (error) {
          complain(`error: ${errorLine(error)}`);
        }
        prompt();
      });
    });
    rl.on('close', () => void queue.then(() => finish(0)));
    rl.on('SIGINT', () => finish(0));
    process.once('SIGINT', () => finish(0));
    process.once('SIGTERM', () => finish(0));
    sim.onClose((reason) => {
      complain(`sim: the device port went away (${reason}); stopping`);
      finish(1);
    });
    print('Type help for the commands; Ctrl-C stops.');
    prompt();
  });
}

async function runScript(sim: Console, script: string): Promise<number> {
  let code = 0;
  const stop = (): void => void sim.stop().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    print(await sim.run(script));
  } catch (error) {
    complain(`error: ${errorLine(error)}`);
    code = 1;
  }
  await sim.stop();
  return code;
}

async function main(argv: readonly string[]): Promise<number> {
  let request: SimRequest;
  try {
    request = parseSimArguments(argv);
  } catch (error) {
    complain(`sim: ${errorLine(error)}; see npm run sim -- --help`);
    return 2;
  }
  if (request.mode === 'help') {
    print(simUsage);
    return 0;
  }
  const { script } = request;
  try {
    // Check the script before a pty pair is made, so a typo costs nothing.
    if (script !== undefined && request.mode === 'demo') parseDemoScript(script);
    if (script !== undefined && request.mode === 'device') parseSimulatorScript(request.kind, script);
  } catch (error) {
    complain(`sim: bad script: ${errorLine(error)}`);
    return 2;
  }
  let sim: Console;
  try {
    sim = await start(request);
  } catch (error) {
    complain(`sim: could not start: ${errorLine(error)}`);
    return 1;
  }
  return script === undefined ? commandLoop(sim) : runScript(sim, script);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    complain(`sim: ${errorLine(error)}`);
    process.exit(1);
  },
);
