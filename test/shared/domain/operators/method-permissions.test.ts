import { describe, expect, it } from 'vitest';
import { contract } from '../../../../shared/contract';
import { operatorRoles } from '../../../../shared/domain/operators/operator-roles';
import { mayCall, methodAccess } from '../../../../shared/domain/operators/method-permissions';

describe('the method permission table', () => {
  it('names every contract method, so none is refused by omission or left to the UI to hide', () => {
    const missing = Object.keys(contract).filter((method) => methodAccess(method) === undefined);
    expect(missing).toEqual([]);
  });

  it('gives every entry a known role, signed_out, wall or print', () => {
    for (const method of Object.keys(contract)) expect([...operatorRoles, 'signed_out', 'wall', 'print']).toContain(methodAccess(method));
  });

  it('opens only the maintenance record\'s one read to a print token', () => {
    expect(Object.keys(contract).filter((method) => methodAccess(method) === 'print')).toEqual(['maintenance.printRecord']);
  });

  it('opens only the wall screen\'s one read to the wall page', () => {
    expect(Object.keys(contract).filter((method) => methodAccess(method) === 'wall')).toEqual(['wall.snapshot']);
    expect(mayCall('duty_guard', 'wall.snapshot')).toBe(true);
    expect(mayCall('supervisor', 'wall.setEnabled')).toBe(false);
  });

  it('opens only login, setup, status, system info, the hotline and the damaged-database restore to a signed-out page', () => {
    const open = Object.keys(contract).filter((method) => methodAccess(method) === 'signed_out').sort();
    // recovery.*: answered only while the core could not open its data; restoring checks an administrator's
    // password against the backup (test/electron/core/backups/restore.test.ts).
    expect(open).toEqual(['auth.login', 'auth.resume', 'auth.setup', 'auth.status', 'recovery.backups', 'recovery.restore', 'settings.hotlineNow', 'system.info']);
  });

  it('keeps accounts and settings changes to administrators, and register changes to engineers', () => {
    for (const method of Object.keys(contract).filter((m) => m.startsWith('operators.'))) expect(methodAccess(method)).toBe('administrator');
    expect(methodAccess('settings.set')).toBe('administrator');
    for (const method of ['assets.create', 'assets.update', 'assets.importCommit', 'catalog.addSystem', 'spares.set']) expect(methodAccess(method)).toBe('engineer');
  });

  it('answers the UI with the same table: a guard may not export, an engineer may, nobody may call an unknown method', () => {
    expect(mayCall('duty_guard', 'assets.export')).toBe(false);
    expect(mayCall('engineer', 'assets.export')).toBe(true);
    expect(mayCall('administrator', 'assets.labels')).toBe(true);
    expect(mayCall('supervisor', 'operators.create')).toBe(false);
    expect(mayCall('duty_guard', 'auth.login')).toBe(true);
    expect(mayCall('administrator', 'no.such.method')).toBe(false);
  });
});
