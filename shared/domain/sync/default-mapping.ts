// The mapping a stock Redmine (Debian's redmine 5.0) fits out of the box, plus the one custom field the console needs.
import type { SyncMapping } from '../../contract/sync';

/*
 * Stock Redmine's trackers are Bug / Feature / Support, its statuses New, In Progress, Resolved, Feedback, Closed,
 * Rejected, its priorities Low, Normal, High, Urgent, Immediate (see the handbook's reference/redmine.md). Custom
 * fields cannot be created over REST: "Console ID" (string, for all projects, used as a filter) is made once by
 * the service center's administrator.
 */
export const defaultSyncMapping: SyncMapping = {
  // A defect asks for a change to the system (Feature); a finished maintenance record is service work (Support).
  trackers: { reported: 'Support', alarm: 'Bug', defect: 'Feature', maintenance: 'Support' },
  priorities: { I: 'Immediate', II: 'Urgent', III: 'High', IV: 'Normal' },
  outboundStatuses: {
    reported: 'New',
    responded: 'In Progress',
    plan_submitted: 'In Progress',
    in_progress: 'In Progress',
    resolved: 'Resolved',
    fault_report_submitted: 'Resolved',
    closed: 'Closed',
  },
  inboundStatuses: [{ upstream: 'In Progress', state: 'responded' }],
  recordStatuses: { defectReported: 'New', defectReplied: 'Resolved', maintenanceFinished: 'Closed' },
  customFields: { consoleId: 'Console ID', slaLevel: '', site: '' },
};
