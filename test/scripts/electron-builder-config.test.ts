// The installers' configuration, checked without Electron (which cannot be downloaded here): electron-builder's own
// validator against its JSON schema, the files it names, the deb's scripts, the fuses, and the browser-mode unit.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// electron-builder's validator, as `electron-builder --config` runs it (app-builder-lib/scheme.json underneath).
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const quiet = { isEnabled: false, add: () => undefined };

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
  nsis: { perMachine: boolean; oneClick: boolean };
  linux: { target: string[]; icon: string; executableName: string; extraResources: { from: string; to: string }[] };
  win: { target: string[]; icon: string };
  deb: { afterInstall: string; afterRemove: string };
  publish: { provider: string }[];
  asarUnpack: string[];
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;

/** Renders a template the way electron-builder's FpmTarget does (its ${macro} syntax), with made-up values. */
function render(path: string): string {
  const macros: Record<string, string> = { executable: 'duty-console', sanitizedProductName: 'Duty Console', productFilename: 'Duty Console' };
  return readFileSync(path, 'utf8').replace(/\${([a-zA-Z]+)}/g, (_m, name: string) => {
    if (!(name in macros)) throw new Error(`Macro ${name} is not defined`);
    return macros[name]!;
  });
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    expect(existsSync(require.resolve('app-builder-lib/scheme.json'))).toBe(true);
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('is refused by the same validation when an option is misspelt (the check is real)', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } }, quiet)).rejects.toThrow(/configuration\.nsis/);
  });

  it('builds NSIS per machine, AppImage and deb, with the fuses turned off as before', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.publish[0]?.provider).toBe('generic');
    expect(config.asarUnpack).toContain('**/node_modules/sqlite3/**');
    for (const file of [config.linux.icon, config.win.icon, config.deb.afterInstall, config.deb.afterRemove, ...config.linux.extraResources.map((r) => r.from)]) {
      expect(existsSync(file), file).toBe(true);
    }
  });

  it('deb: keeps electron-builder’s own install steps and adds the udev rule and the dialout group', () => {
    const ours = render(config.deb.afterInstall);
    // What electron-builder does by default (the /usr/bin link, chrome-sandbox, AppImage's AppArmor profile) stays.
    expect(ours.startsWith(render(require.resolve('app-builder-lib/templates/linux/after-install.tpl')))).toBe(true);
    expect(render(config.deb.afterRemove).startsWith(render(require.resolve('app-builder-lib/templates/linux/after-remove.tpl')))).toBe(true);
    expect(ours).toContain("'/opt/Duty Console/resources/linux/60-duty-console-serial.rules'");
    expect(ours).toMatch(/usermod -a -G dialout/);
    expect(config.linux.extraResources).toContainEqual({ from: 'resources/linux/60-duty-console-serial.rules', to: 'linux/60-duty-console-serial.rules' });
    const dir = mkdtempSync(join(tmpdir(), 'duty-console-deb-'));
    try {
      for (const [name, text] of [['after-install', ours], ['after-remove', render(config.deb.afterRemove)]] as const) {
        writeFileSync(join(dir, name), text);
        // bash -n: the rendered scripts parse.
        execFileSync('bash', ['-n', join(dir, name)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the udev rule gives the common USB-serial adapters to dialout and the seat’s user', () => {
    const rules = readFileSync('resources/linux/60-duty-console-serial.rules', 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    for (const vendor of ['0403', '067b', '1a86', '10c4']) expect(rules.some((r) => r.includes(`ATTRS{idVendor}=="${vendor}"`))).toBe(true);
    for (const rule of rules) expect(rule).toMatch(/^SUBSYSTEM=="tty", .*GROUP="dialout", MODE="0660", TAG\+="uaccess"$/);
  });
});

describe('the browser-mode systemd unit', () => {
  const unit = readFileSync('resources/duty-console-host.service', 'utf8');
  const setting = (key: string) => unit.split('\n').filter((l) => l.startsWith(`${key}=`)).map((l) => l.slice(key.length + 1));

  const section = (name: string) => unit.split(/^\[/m).find((s) => s.startsWith(`${name}]`)) ?? '';

  it('runs the headless host with the serial group and restarts it whenever it stops, never giving up', () => {
    expect(setting('ExecStart')[0]).toMatch(/node .*dist\/host\.cjs --no-open/);
    expect(setting('Restart')).toEqual(['always']);
    // systemd reads the start limit in [Unit] only: under [Service] it is ignored and the host given up on after 5 starts.
    expect(section('Unit')).toMatch(/^StartLimitIntervalSec=0$/m);
    expect(section('Service')).not.toMatch(/^StartLimit/m);
    expect(setting('SupplementaryGroups')).toEqual(['dialout']);
    expect(setting('KillSignal')).toEqual(['SIGTERM']);
    // Backups and update sticks under /media, /mnt or /run/media stay writable despite ProtectSystem=strict.
    expect(setting('ReadWritePaths').join(' ')).toContain('-/media');
  });

  it('is a unit systemd itself accepts (systemd-analyze verify, where systemd is installed)', () => {
    let analyze: string | null = null;
    try {
      analyze = execFileSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' }).trim();
    } catch {
      analyze = null;
    }
    if (!analyze) return;
    // Unknown keys and keys in the wrong section are warnings on stderr, not a failing exit code.
    const result = execFileSync('sh', ['-c', `"${analyze}" verify resources/duty-console-host.service 2>&1`], { encoding: 'utf8' });
    expect(result.trim()).toBe('');
  });
});
