// Binds the incidents' contract methods to their services.
import type { incidentsContract } from '../../../shared/contract/incidents';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { actOnIncident, changeLevel, updateRecord } from './incident-actions';
import { attachFile, downloadAttachment, readAttachment } from './incident-attachments';
import { classifyIncident } from './incident-classification';
import { linkDevices, unlinkDevice } from './incident-devices';
import { recentAtSamePlace } from './incident-duplicates';
import { getIncident, incidentTimeline, listIncidents } from './incident-queries';
import { reportIncident } from './incident-report';

/** `reader`: a read-only connection the list reads through, never waiting behind the main connection's writes. */
export function incidentsApi(ctx: CoreContext, reader: Db = ctx.db): Handlers<keyof typeof incidentsContract> {
  return {
    'incidents.report': (args, call) => reportIncident(ctx, call, args),
    'incidents.list': (args) => listIncidents(ctx, args, reader),
    'incidents.get': (args, call) => getIncident(ctx, call, args.id),
    'incidents.act': (args, call) => actOnIncident(ctx, call, args),
    'incidents.changeLevel': (args, call) => changeLevel(ctx, call, args),
    'incidents.updateRecord': (args, call) => updateRecord(ctx, call, args),
    'incidents.linkDevices': (args, call) => linkDevices(ctx, call, args.id, args.deviceIds),
    'incidents.unlinkDevice': (args, call) => unlinkDevice(ctx, call, args.id, args.deviceId),
    'incidents.attach': (args, call) => attachFile(ctx, call, args),
    'incidents.attachment': (args) => readAttachment(ctx, args.id, args.sha256),
    'incidents.downloadAttachment': (args, call) => downloadAttachment(ctx, call, args.id, args.sha256),
    'incidents.timeline': (args) => incidentTimeline(ctx.db, args.id),
    'incidents.recentAtSamePlace': (args) => recentAtSamePlace(ctx, args),
    'incidents.classify': (args, call) => classifyIncident(ctx, call, args),
  };
}
