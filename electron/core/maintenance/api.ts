// Binds the maintenance contract methods to their services.
import type { maintenanceContract } from '../../../shared/contract/maintenance';
import type { Handlers } from '../api-handlers';
import type { CoreContext } from '../context';
import { listPlans, savePlan } from './plan-service';
import { attachPhoto, readPhoto, reportIncidentFromItem, saveResult } from './result-service';
import { createTask, dueSummary, finishTask, getTask, listTasks, updateTask } from './task-service';
import { getTemplate, listTemplates, saveTemplate } from './template-service';
import { type PrintCapabilities, printRecord } from './print-capability';

export function maintenanceApi(ctx: CoreContext, printCapabilities: PrintCapabilities): Handlers<keyof typeof maintenanceContract> {
  return {
    'maintenance.templates': () => listTemplates(ctx.db),
    'maintenance.template': (args) => getTemplate(ctx.db, args.id, args.version),
    'maintenance.saveTemplate': (args, call) => saveTemplate(ctx, call, args),
    'maintenance.plans': () => listPlans(ctx.db),
    'maintenance.savePlan': (args, call) => savePlan(ctx, call, args),
    'maintenance.tasks': (args) => listTasks(ctx, args),
    'maintenance.dueSummary': () => dueSummary(ctx),
    'maintenance.task': (args) => getTask(ctx, args.id),
    'maintenance.createTask': (args, call) => createTask(ctx, call, args),
    'maintenance.saveResult': (args, call) => saveResult(ctx, call, args),
    'maintenance.attachPhoto': (args, call) => attachPhoto(ctx, call, args),
    'maintenance.photo': (args) => readPhoto(ctx, args.taskId, args.sha256),
    'maintenance.updateTask': (args, call) => updateTask(ctx, call, args),
    'maintenance.finishTask': (args, call) => finishTask(ctx, call, args.id),
    'maintenance.printRecord': (args) => printRecord(ctx, printCapabilities, args.token),
    'maintenance.reportIncident': (args, call) => reportIncidentFromItem(ctx, call, args),
  };
}
