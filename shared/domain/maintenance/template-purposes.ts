// What a checklist template is for, and the frequency shipped for each (the seed gives none; a supervisor changes them).
import type { Frequency } from './frequency';

export const templatePurposes = ['equipment', 'backup', 'virus', 'cable', 'upgrade', 'pre_event', 'training', 'visit'] as const;
export type TemplatePurpose = (typeof templatePurposes)[number];

export const defaultFrequencies: Record<TemplatePurpose, Frequency | null> = {
  equipment: 'quarterly',
  backup: 'monthly',
  virus: 'monthly',
  cable: 'yearly',
  upgrade: 'yearly',
  pre_event: null,
  training: null,
  visit: null,
};

export const taskKinds = ['planned', 'pre_event', 'training', 'visit', 'adhoc'] as const;
export type TaskKind = (typeof taskKinds)[number];
