// Binds the devices' contract methods to their services.
import type { devicesContract, PortList } from '../../../shared/contract/devices';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { createDevice, type DeviceLayer, getDevice, listDevices, removeDevice, setDeviceEnabled, updateDevice } from './device-service';
import { listTestCommands, runTestCommand } from './device-test-commands';

export function devicesApi(ctx: CoreContext, layer: DeviceLayer, listPorts: () => Promise<PortList>): Handlers<keyof typeof devicesContract> {
  const known = async (id: string): Promise<void> => void (await getDevice(ctx, layer, id));
  return {
    'devices.ports': () => listPorts(),
    'devices.list': () => listDevices(ctx, layer),
    'devices.get': (args) => getDevice(ctx, layer, args.id),
    'devices.create': (args, call) => createDevice(ctx, layer, call, args),
    'devices.update': (args, call) => updateDevice(ctx, layer, call, args.id, args.fields),
    'devices.remove': (args, call) => removeDevice(ctx, layer, call, args.id),
    'devices.setEnabled': (args, call) => setDeviceEnabled(ctx, layer, call, args.id, args.enabled),
    'devices.readings': async (args) => (await known(args.id), layer.supervisor.readings(args.id)),
    'devices.traffic': async (args) => (await known(args.id), layer.supervisor.traffic(args.id, args.afterSeq, args.limit)),
    'devices.testCommands': (args) => listTestCommands(ctx, layer, args.id),
    'devices.runTestCommand': (args, call) => runTestCommand(ctx, layer, call, args),
  };
}
