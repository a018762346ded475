// Who may call each contract method: allowed signed out, or the least powerful operator role that may.
import { type OperatorRole, roleAtLeast } from './operator-roles';

/**
 * `signed_out`: answered before anyone logs in (the login screen and the dashboard's hotline need these).
 * `wall`: answered to every operator, and to a page nobody signed in on only while an administrator has the wall
 * screen turned on (electron/core/operators/core-session.ts): the wall's read calls, nothing that changes data.
 * `print`: answered to any page, but only with a print token the core gave its PDF renderer, for the one record the
 * token names (electron/core/maintenance/print-capability.ts): the maintenance record's PDF page, never signed in.
 */
export type MethodAccess = 'signed_out' | 'wall' | 'print' | OperatorRole;

/*
 * Enforced by every transport session in the core (see electron/core/operators/core-session.ts); the UI reads the
 * same table to hide what a role cannot use (a convenience, never the check). Roles are ordered (operatorRoles): a role may call whatever a less powerful one may.
 * Incidents methods are open to every operator here; the incidents service then checks each action against
 * the lifecycle's role table (canTransition).
 *
 * Keyed by plain string rather than MethodName on purpose: several features add methods to the contract at
 * once, and a method with no entry is refused (deny by default) instead of breaking everyone's compile.
 * A test walks Object.keys(contract) and fails for any method missing here.
 */
export const methodPermissions: Readonly<Record<string, MethodAccess>> = {
  'system.info': 'signed_out',

  'auth.status': 'signed_out',
  'auth.setup': 'signed_out',
  'auth.login': 'signed_out',
  'auth.resume': 'signed_out',
  'auth.logout': 'duty_guard',
  'auth.lock': 'duty_guard',
  'auth.activity': 'duty_guard',
  'auth.changePassword': 'duty_guard',

  'operators.list': 'administrator',
  'operators.create': 'administrator',
  'operators.update': 'administrator',
  'operators.setPassword': 'administrator',

  'settings.hotlineNow': 'signed_out',
  'settings.get': 'duty_guard',
  'settings.set': 'administrator',

  'journal.list': 'duty_guard',
  'journal.verify': 'duty_guard',

  'catalog.list': 'duty_guard',
  'catalog.addSystem': 'engineer',
  'catalog.addType': 'engineer',
  'catalog.addBrand': 'engineer',
  'assets.search': 'duty_guard',
  'assets.get': 'duty_guard',
  'assets.getMany': 'duty_guard',
  'assets.history': 'duty_guard',
  'assets.locations': 'duty_guard',
  // 保密: the customer's data leaves the machine only with an engineer or above, journaled (export, labels,
  // saving an attachment). Who may export is this one line per method.
  'assets.export': 'engineer',
  'assets.labels': 'engineer',
  'assets.create': 'engineer',
  'assets.update': 'engineer',
  'assets.importPreview': 'engineer',
  'assets.importCommit': 'engineer',
  'spares.list': 'duty_guard',
  'spares.set': 'engineer',

  'incidents.report': 'duty_guard',
  'incidents.list': 'duty_guard',
  'incidents.get': 'duty_guard',
  'incidents.act': 'duty_guard',
  'incidents.changeLevel': 'duty_guard',
  'incidents.updateRecord': 'duty_guard',
  'incidents.linkDevices': 'duty_guard',
  'incidents.unlinkDevice': 'duty_guard',
  'incidents.attach': 'duty_guard',
  'incidents.attachment': 'duty_guard',
  'incidents.downloadAttachment': 'engineer',
  'incidents.timeline': 'duty_guard',
  'incidents.recentAtSamePlace': 'duty_guard',
  'incidents.classify': 'engineer',

  // The duty log and shift handover are the guards' own work; audible alerts are silenced by whoever is on duty.
  'duty.add': 'duty_guard',
  'duty.list': 'duty_guard',
  'duty.handoverDraft': 'duty_guard',
  'duty.handoverSubmit': 'duty_guard',
  'duty.handoverConfirm': 'duty_guard',
  'duty.handovers': 'duty_guard',
  'duty.handover': 'duty_guard',
  'alerts.setMuted': 'duty_guard',

  // Guards see devices and their state; configuring them and the diagnostics (raw traffic, test commands) are the
  // engineer's. Alarms are acknowledged by whoever is on duty; the rules that open incidents shape the SLA, so a
  // supervisor edits them.
  'links.ports': 'engineer',
  'links.list': 'duty_guard',
  'links.get': 'duty_guard',
  'links.readings': 'duty_guard',
  'links.create': 'engineer',
  'links.update': 'engineer',
  'links.remove': 'engineer',
  'links.setEnabled': 'engineer',
  'links.traffic': 'engineer',
  'links.testCommands': 'engineer',
  'links.runTestCommand': 'engineer',
  'alarms.list': 'duty_guard',
  'alarms.acknowledge': 'duty_guard',
  'alarmRules.list': 'duty_guard',
  'alarmRules.create': 'supervisor',
  'alarmRules.update': 'supervisor',
  'alarmRules.remove': 'supervisor',

  // Reports are the supervisors' (SLA compliance is theirs to watch); the monthly report goes to the customer.
  'reports.overview': 'supervisor',
  'reports.export': 'supervisor',
  'reports.monthly': 'supervisor',
  'reports.saveSuggestions': 'supervisor',

  // Maintenance: everyone sees what is due (the dashboard); engineers do the work and make ad-hoc tasks; supervisors
  // edit checklists and plans (the shipped frequencies are theirs to change).
  'maintenance.templates': 'duty_guard',
  'maintenance.template': 'duty_guard',
  'maintenance.saveTemplate': 'supervisor',
  'maintenance.plans': 'duty_guard',
  'maintenance.savePlan': 'supervisor',
  'maintenance.tasks': 'duty_guard',
  'maintenance.dueSummary': 'duty_guard',
  'maintenance.task': 'duty_guard',
  'maintenance.createTask': 'engineer',
  'maintenance.saveResult': 'engineer',
  'maintenance.attachPhoto': 'engineer',
  'maintenance.photo': 'duty_guard',
  'maintenance.updateTask': 'engineer',
  'maintenance.finishTask': 'engineer',
  'maintenance.reportIncident': 'engineer',
  // Problem records: anyone on duty records a consultation or submits a defect; each defect step is checked against
  // its role table (shared/domain/problems/defect-lifecycle.ts); only a supervisor signs a proposal off.
  'consultations.record': 'duty_guard',
  'consultations.list': 'duty_guard',
  'consultations.get': 'duty_guard',
  'defects.submit': 'duty_guard',
  'defects.list': 'duty_guard',
  'defects.get': 'duty_guard',
  'defects.act': 'duty_guard',
  'defects.signOff': 'supervisor',
  'defects.ofIncident': 'duty_guard',

  // Escalations: the engineer marks what cannot be resolved on site; the supervisor acknowledges each one.
  'escalations.raise': 'engineer',
  'escalations.list': 'duty_guard',
  'escalations.acknowledge': 'supervisor',

  // Engineers' grades are the administrator's; whoever is on duty records a dispatch and the arrival (紧急救援).
  'engineers.list': 'duty_guard',
  'engineers.setGrade': 'administrator',
  'dispatch.record': 'duty_guard',
  'dispatch.arrived': 'duty_guard',
  'dispatch.ofIncident': 'duty_guard',

  // Repairs (设备维修 / 设备更换): everyone on duty sees them; the engineer who does the repair records the parts, lends
  // and takes back spare units and records replacement quotes; the customer's choice of a quote commits money, so a
  // supervisor records it.
  'repairs.ofIncident': 'duty_guard',
  'repairs.ofDevice': 'duty_guard',
  'spares.units': 'duty_guard',
  'repairs.recordPart': 'engineer',
  'repairs.withdrawPart': 'engineer',
  'spares.lend': 'engineer',
  'spares.return': 'engineer',
  'repairs.recordQuote': 'engineer',
  'repairs.chooseQuote': 'supervisor',

  // Whether the console runs simulated devices is the administrator's choice, made at first run.
  'demo.status': 'duty_guard',
  'demo.enable': 'administrator',

  // Everyone on duty sees whether tickets reach the service center and an incident's ticket number; a supervisor
  // decides what happens to an item the ticket system refused; the link, its key and the mapping are the
  // administrator's (so is testing them: the test uses the stored key).
  'sync.status': 'duty_guard',
  'sync.queue': 'duty_guard',
  'sync.parked': 'duty_guard',
  'sync.ticketOf': 'duty_guard',
  'sync.recordTicket': 'duty_guard',
  'sync.tickets': 'duty_guard',
  'sync.upstreamChanges': 'duty_guard',
  'sync.retry': 'supervisor',
  'sync.skip': 'supervisor',
  'sync.getSettings': 'administrator',
  'sync.saveSettings': 'administrator',
  'sync.testConnection': 'administrator',

  // Readings history: whoever is on duty watches the machine room's trends.
  'readings.series': 'duty_guard',
  'readings.history': 'duty_guard',
  'readings.keyReadings': 'duty_guard',

  // The wall screen: an administrator turns it on; its one read is open to the wall while on.
  'wall.settings': 'duty_guard',
  'wall.setEnabled': 'administrator',
  'wall.key': 'administrator',
  'wall.rotateKey': 'administrator',
  'wall.snapshot': 'wall',
  // The maintenance record's PDF page (made by the console itself, nobody signed in): its one read, with its token.
  'maintenance.printRecord': 'print',
  // The console's own backups, its recovery kit and restoring are the administrator's.
  'backups.overview': 'administrator',
  'backups.saveSettings': 'administrator',
  'backups.run': 'administrator',
  'backups.exportRecoveryKit': 'administrator',
  'backups.restore': 'administrator',
  // Everyone on duty sees whether an update waits and for what (the guard is told what holds it); where updates
  // come from, checking and installing are the administrator's.
  'updates.status': 'duty_guard',
  'updates.saveSource': 'administrator',
  'updates.check': 'administrator',
  'updates.install': 'administrator',
  // Whether a UPS may power the PC down, and with what command, is the administrator's.
  'power.getSettings': 'administrator',
  'power.saveSettings': 'administrator',
  // The damaged-database screen, where nobody can sign in: answered only while the core could not open its data,
  // and restoring checks an administrator's login against the backup itself (backups/recovery-api.ts).
  'recovery.backups': 'signed_out',
  'recovery.restore': 'signed_out',
};

export function methodAccess(method: string): MethodAccess | undefined {
  return Object.hasOwn(methodPermissions, method) ? methodPermissions[method] : undefined;
}

/** Whether `role` may call `method`: what the UI asks before offering a button the core would refuse. */
export function mayCall(role: OperatorRole, method: string): boolean {
  const access = methodAccess(method);
  if (access === undefined) return false;
  return access === 'signed_out' || access === 'wall' || access === 'print' || roleAtLeast(role, access);
}
