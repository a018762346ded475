// A defect's steps as lines: who and when, and the step's own fields in words (the form on screen and on paper).
import type { TFunction } from 'i18next';
import type { ChangeRecord, DefectStep } from '../../../shared/contract';

/** The fields of a step worth showing, in the order they read, labelled. */
export function stepFields(step: DefectStep, t: TFunction<'problems'>): { label: string; value: string }[] {
  const d = step.data;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const rows: [string, string][] = [];
  const push = (label: string, v: unknown) => {
    if (str(v)) rows.push([label, str(v)]);
  };
  if (step.action === 'submit') push(t('defect.submitter'), d.submitter);
  if (step.action === 'analyse' || step.action === 'convert') {
    push(t('fields.classification'), d.classification ? t(`classification.${str(d.classification)}`) : '');
    push(t('fields.analysis'), d.analysis);
  }
  if (step.action === 'convert') {
    push(t('consultation.askedBy'), d.askedBy);
    push(t('consultation.answer'), d.answer);
    push(t('consultation.answeredBy'), d.answeredBy);
  }
  push(t('fields.proposal'), d.proposal);
  push(t('fields.reason'), d.reason);
  push(t('fields.implementation'), d.implementation);
  push(t('fields.method'), d.method);
  if (step.action === 'sign_off') push(t('fields.signer'), d.signerName ? `${str(d.signerName)}(${str(d.signer)})` : d.signer);
  if (step.action !== 'analyse' && step.action !== 'convert') push(t('fields.note'), d.note);
  if (step.action === 'reply') {
    push(t('fields.replyAnalysis'), d.analysis);
    push(t('fields.cause'), d.cause);
  }
  return rows.map(([label, value]) => ({ label, value }));
}

export function stepChanges(step: DefectStep): ChangeRecord[] {
  return step.action === 'reply' && Array.isArray(step.data.changes) ? (step.data.changes as ChangeRecord[]) : [];
}

const stepOfEntryType: Record<string, DefectStep['action']> = {
  'defect.submitted': 'submit',
  'defect.analysed': 'analyse',
  'defect.converted': 'convert',
  'defect.proposed': 'propose',
  'defect.signed_off': 'sign_off',
  'defect.refused': 'refuse',
  'defect.implemented': 'implement',
  'defect.confirmed': 'confirm',
  'defect.reported': 'report',
  'defect.replied': 'reply',
};

/** The defect step a journal entry records (a device's history shows them), or null for any other entry. */
export function defectStepOfEntry(type: string): DefectStep['action'] | null {
  return stepOfEntryType[type] ?? null;
}
