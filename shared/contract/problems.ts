// Problem records' contract (问题记录规范): consultations answered on the spot, and system defects step by step.
import { z } from 'zod';
import { defectStates, type DefectAction, type DefectClassification, type DefectState } from '../domain/problems/defect-lifecycle';
import type { Device } from './assets';
import { command, query } from './define';

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const longText = text(4000);

export const consultationChannels = ['hotline', 'on_site'] as const;
export type ConsultationChannel = (typeof consultationChannels)[number];

/** 咨询类问题记录: who asked, how, the question, the answer, who answered and when; it ends with the one who answered. */
export interface Consultation {
  id: string;
  /** ZX-NNNNN */
  number: string;
  askedBy: string;
  channel: ConsultationChannel;
  question: string;
  answer: string;
  answeredBy: string;
  answeredAt: number;
  systemId: string;
  /** The defect this consultation explains, when an operation problem was converted into it. */
  defectId: string | null;
  recordedBy: string;
  recordedAt: number;
}

const consultationFields = {
  askedBy: text(100).min(1),
  channel: z.enum(consultationChannels),
  answer: longText.min(1),
  answeredBy: text(100).min(1),
  answeredAt: epochMs.optional(),
};

export const recordConsultationSchema = z.object({
  ...consultationFields,
  question: longText.min(1),
  systemId: id.default('unclassified'),
});

/** One change record (变更记录): which device or system, what changed, before → after, versions. */
export const changeRecordSchema = z.object({
  target: text(200).min(1),
  what: text(1000).min(1),
  before: text(1000).default(''),
  after: text(1000).default(''),
  versionBefore: text(100).default(''),
  versionAfter: text(100).default(''),
});
export type ChangeRecord = z.output<typeof changeRecordSchema>;

export const submitDefectSchema = z.object({
  title: text(200).min(1),
  description: longText.min(1),
  /** Who raised it: a guard, an engineer, or the customer's user through them. */
  submitter: text(100).min(1),
  systemId: id.default('unclassified'),
  /** The incident this defect was started from; its devices are linked too. */
  incidentId: id.optional(),
  deviceIds: z.array(id).max(50).default([]),
});
export type SubmitDefectInput = z.input<typeof submitDefectSchema>;

/** One step of a defect; sign-off has its own method (it asks for the password again). */
export const defectActSchema = z.discriminatedUnion('action', [
  z.object({ id, action: z.literal('analyse'), classification: z.enum(['technical', 'business']), analysis: longText.min(1) }),
  /** An operation problem: explained to whoever asked; the defect closes, converted into that consultation. */
  z.object({ id, action: z.literal('convert'), analysis: longText.min(1), ...consultationFields }),
  z.object({ id, action: z.literal('propose'), proposal: longText.min(1) }),
  z.object({ id, action: z.literal('refuse'), reason: text(2000).min(1) }),
  z.object({ id, action: z.literal('implement'), implementation: longText.min(1) }),
  /** The support person confirms it is resolved; the method goes on the form. */
  z.object({ id, action: z.literal('confirm'), method: longText.min(1) }),
  z.object({ id, action: z.literal('report'), note: text(2000).default('') }),
  z.object({
    id,
    action: z.literal('reply'),
    analysis: longText.min(1),
    cause: longText.min(1),
    changes: z.array(changeRecordSchema).min(1).max(50),
  }),
]);
export type DefectActInput = z.input<typeof defectActSchema>;

export interface DefectStep {
  action: DefectAction | 'submit';
  by: string;
  at: number;
  data: Record<string, unknown>;
}

export type DefectUpstream = 'none' | 'waiting_for_sync' | 'sent';

/** 系统缺陷类问题提交单 */
export interface Defect {
  id: string;
  /** QX-NNNNN */
  number: string;
  state: DefectState;
  title: string;
  description: string;
  submitter: string;
  systemId: string;
  incidentId: string | null;
  consultationId: string | null;
  /** Reported to the service center: waiting for the upstream sync to take it, then sent. */
  upstream: DefectUpstream;
  submittedBy: string;
  submittedAt: number;
  updatedAt: number;
}

export interface DefectDetail {
  defect: Defect;
  /** Every step taken, oldest first (refusals included). */
  steps: DefectStep[];
  devices: Device[];
  consultation: Consultation | null;
  /** What the caller's role may do now. */
  availableActions: DefectAction[];
}

export const problemsContract = {
  'consultations.record': command<Consultation>()(recordConsultationSchema),
  'consultations.list': query<Consultation[]>()(z.object({ q: text(200).default(''), limit: z.number().int().min(1).max(1000).default(200) })),
  'consultations.get': query<Consultation>()(z.object({ id })),
  'defects.submit': command<Defect>()(submitDefectSchema),
  'defects.list': query<Defect[]>()(
    z.object({ scope: z.enum(['open', 'all']).default('open'), state: z.enum(defectStates).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  'defects.get': query<DefectDetail>()(z.object({ id })),
  'defects.act': command<Defect>()(defectActSchema),
  /** 经主管领导签字同意: the supervisor approves the proposal, typing their password again. */
  'defects.signOff': command<Defect>()(z.object({ id, password: z.string().min(1).max(200), note: text(2000).default('') })),
  /** The defects started from one incident (its page links them). */
  'defects.ofIncident': query<Defect[]>()(z.object({ incidentId: id })),
};

export type { DefectAction, DefectClassification, DefectState };
