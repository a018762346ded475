// Binds the asset register's contract methods to its services.
import type { assetsContract } from '../../../shared/contract/assets';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { addBrand, addSystem, addType, listCatalog } from './catalog-service';
import { exportDevices } from './device-export';
import { commitImport, previewImport } from './device-import';
import { createDevice, deviceHistory, getDevice, getDevices, labelDevices, listLocations, searchDevices, updateDevice } from './device-service';
import { listSpares, setSpareStock } from './spare-service';

export function assetsApi(ctx: CoreContext): Handlers<keyof typeof assetsContract> {
  return {
    'catalog.list': () => listCatalog(ctx.db),
    'catalog.addSystem': (args, call) => addSystem(ctx, call, args),
    'catalog.addType': (args, call) => addType(ctx, call, args),
    'catalog.addBrand': (args, call) => addBrand(ctx, call, args),
    'assets.search': (args) => searchDevices(ctx.db, args),
    'assets.get': (args) => getDevice(ctx.db, args.id),
    'assets.getMany': (args) => getDevices(ctx.db, args.ids),
    'assets.labels': (args, call) => labelDevices(ctx, call, args.ids),
    'assets.create': (args, call) => createDevice(ctx, call, args),
    'assets.update': (args, call) => updateDevice(ctx, call, args.id, args.fields),
    'assets.history': (args) => deviceHistory(ctx.db, args.id),
    'assets.locations': () => listLocations(ctx.db),
    'assets.importPreview': (args) => previewImport(ctx, args),
    'assets.importCommit': (args, call) => commitImport(ctx, call, args),
    'assets.export': (args, call) => exportDevices(ctx, call, args),
    'spares.list': () => listSpares(ctx.db),
    'spares.set': (args, call) => setSpareStock(ctx, call, args),
  };
}
