import { describe, expect, it } from 'vitest';
import { dataDirArgument, defaultDataDir } from '../../../electron/core/data-dir';

describe('the data directory', () => {
  it('defaults to the folder Electron uses as userData on each platform', () => {
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/g/.config' })).toBe('/home/g/.config/Duty Console');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\g\\AppData\\Roaming' })).toMatch(/Roaming[\\/]Duty Console$/);
    expect(defaultDataDir('darwin', {})).toMatch(/Library\/Application Support\/Duty Console$/);
  });

  it('is overridden by --data-dir in either spelling', () => {
    expect(dataDirArgument(['--port', '1', '--data-dir', '/srv/duty'])).toBe('/srv/duty');
    expect(dataDirArgument(['--data-dir=/srv/duty'])).toBe('/srv/duty');
    expect(dataDirArgument(['--port', '1'])).toBeUndefined();
  });
});
