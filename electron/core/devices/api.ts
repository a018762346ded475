// Binds the links' contract methods to their services.
import type { linksContract, PortList } from '../../../shared/contract/links';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { createLink, type DeviceLayer, getLink, listLinks, removeLink, setLinkEnabled, updateLink } from './link-service';
import { listTestCommands, runTestCommand } from './link-test-commands';

export function linksApi(ctx: CoreContext, layer: DeviceLayer, listPorts: () => Promise<PortList>): Handlers<keyof typeof linksContract> {
  const known = async (id: string): Promise<void> => void (await getLink(ctx, layer, id));
  return {
    'links.ports': () => listPorts(),
    'links.list': () => listLinks(ctx, layer),
    'links.get': (args) => getLink(ctx, layer, args.id),
    'links.create': (args, call) => createLink(ctx, layer, call, args),
    'links.update': (args, call) => updateLink(ctx, layer, call, args.id, args.fields),
    'links.remove': (args, call) => removeLink(ctx, layer, call, args.id),
    'links.setEnabled': (args, call) => setLinkEnabled(ctx, layer, call, args.id, args.enabled),
    'links.readings': async (args) => (await known(args.id), layer.supervisor.readings(args.id)),
    'links.traffic': async (args) => (await known(args.id), layer.supervisor.traffic(args.id, args.afterSeq, args.limit)),
    'links.testCommands': (args) => listTestCommands(ctx, layer, args.id),
    'links.runTestCommand': (args, call) => runTestCommand(ctx, layer, call, args),
  };
}
