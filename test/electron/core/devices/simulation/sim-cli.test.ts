import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSimArguments } from '../../../../../electron/core/devices/simulation/sim-arguments';
import { socatProcessesMentioning } from './socat-processes';
import { eventually } from '../../../../support/eventually';

const repoRoot = resolve(__dirname, '../../../../..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run sim -- …` as package.json runs it, without npm in between. */
function sim(args: string[], options: { stdin?: string; whenReady?: (child: ReturnType<typeof spawn>, stdout: () => string) => Promise<void> } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sim.ts', ...args], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
    if (options.whenReady) void options.whenReady(child, () => stdout).catch(fail);
    else child.stdin.end(options.stdin ?? '');
  });
}

const consolePathIn = (stdout: string): string => /console port: (\S+)/.exec(stdout)?.[1] ?? '';

describe('npm run sim', () => {
  it('runs a contact-id script: prints the console path to configure, exits 0 and leaves no pty behind', async () => {
    const run = await sim(['contact-id', '--script', 'heartbeats off; garbage 00ff; status']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const consolePath = consolePathIn(run.stdout);
    expect(consolePath).toMatch(/duty-pty-.*\/console$/);
    expect(run.stdout).toContain('(configure this path in the console, 9600 8N1)');
    expect(run.stdout).toContain('heartbeats off\nwrote 2 garbage bytes\nreceiver: sent 0,');
    expect(existsSync(consolePath)).toBe(false);
    expect(socatProcessesMentioning(consolePath)).toEqual([]);
  });

  it('exits 2 with one clear line for an unknown kind', async () => {
    const run = await sim(['fridge']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining('unknown device kind "fridge" (kinds: contact-id, nx584, osdp, modbus, megatec, or demo)')]);
  });

  it('exits 2 on a bad script before making any pty pair', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-sim-cli-'));
    const run = await sim(['megatec', '--dir', dir, '--script', 'mains fail; mains sideways']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('mains: mains must be fail or ok, got "sideways"');
    expect(existsSync(join(dir, 'console'))).toBe(false);
  });

  it('prints the usage for --help', async () => {
    const run = await sim(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run sim -- <kind>/);
  });

  it('takes commands on stdin, reports a bad one without stopping, and stops at the end of input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-sim-cli-'));
    const run = await sim(['osdp', '--dir', dir], { stdin: 'swipe 1 8106606\nfly away\nstatus\n' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`console port: ${join(dir, 'console')}`);
    expect(run.stdout).toContain('PD 1: card 8106606 (hex 7BB26E');
    expect(run.stdout).toContain('PD 2: online');
    expect(run.stderr).toContain('error: unknown command "fly" for the osdp simulator');
    expect(existsSync(join(dir, 'console'))).toBe(false);
  });

  it('stops cleanly on Ctrl-C (SIGINT), killing socat', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duty-sim-cli-'));
    const run = await sim(['demo', '--dir', dir, '--no-life'], {
      whenReady: async (child, stdout) => {
        await eventually('demo started', () => stdout().includes('Type help'), 20_000);
        expect(socatProcessesMentioning(dir)).toHaveLength(5);
        child.kill('SIGINT');
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`nx584  ${join(dir, 'nx584', 'console')}  2400 8N1`);
    expect(socatProcessesMentioning(dir)).toEqual([]);
  });
});

describe('sim arguments', () => {
  it('reads a kind with its options, and the demo', () => {
    expect(parseSimArguments(['modbus', '--model', 'water-leak-rs485', '--dir=/tmp/x'])).toEqual({ mode: 'device', kind: 'modbus', modelId: 'water-leak-rs485', dir: '/tmp/x', path: undefined, script: undefined });
    expect(parseSimArguments(['contact-id', '--path', '/dev/ttyUSB0', '--script', 'fire 1234 3'])).toMatchObject({ kind: 'contact-id', path: '/dev/ttyUSB0', script: 'fire 1234 3' });
    expect(parseSimArguments(['demo', '--no-life'])).toEqual({ mode: 'demo', dir: undefined, script: undefined, life: false });
    expect(parseSimArguments(['osdp', '-h'])).toEqual({ mode: 'help' });
  });

  it('refuses what makes no sense with a reason', () => {
    const reason = (argv: string[]): unknown => {
      try {
        parseSimArguments(argv);
      } catch (error) {
        expect(error).toMatchObject({ code: 'devices.sim.badArguments' });
        return (error as { params: { reason: string } }).params.reason;
      }
      throw new Error('accepted');
    };
    expect(reason([])).toContain('missing the device kind');
    expect(reason(['osdp', '--path'])).toBe('--path needs a value');
    expect(reason(['osdp', '--speed', '9'])).toBe('unknown option --speed');
    expect(reason(['osdp', 'megatec'])).toBe('unexpected argument "megatec"');
    expect(reason(['osdp', '--path', 'a', '--dir', 'b'])).toContain('exclude each other');
    expect(reason(['osdp', '--model', 'x'])).toBe('--model is for the modbus simulator');
    expect(reason(['demo', '--path', '/dev/ttyUSB0'])).toBe('--path is not for the demo site');
  });
});
