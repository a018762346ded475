// Binds the wall screen's contract methods to its services.
import type { wallContract } from '../../../shared/contract/wall';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import type { DeviceLayer } from '../devices/link-service';
import { createWallSnapshots } from './wall-snapshot';
import { rotateWallKey, setWallEnabled, wallKey, wallSettings } from './wall-setting';

export function wallApi(ctx: CoreContext, layer: DeviceLayer): Handlers<keyof typeof wallContract> {
  const snapshot = createWallSnapshots(ctx, layer);
  return {
    'wall.settings': () => wallSettings(ctx.db),
    'wall.setEnabled': (args, call) => setWallEnabled(ctx, call, args.enabled),
    'wall.key': () => wallKey(ctx.db),
    'wall.rotateKey': (_args, call) => rotateWallKey(ctx, call),
    'wall.snapshot': () => snapshot(),
  };
}
