// Engineers and dispatch (紧急救援): grades on engineers, and who was sent to an incident, when, expected and arrived.
import { z } from 'zod';
import { engineerGrades, type EngineerGrade } from '../domain/operators/engineer-grades';
import { command, query } from './define';

const id = z.string().min(1).max(64);
const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

export interface Engineer {
  id: string;
  name: string;
  displayName: string;
  /** null: not graded yet (cannot be dispatched). */
  grade: EngineerGrade | null;
}

export interface Dispatch {
  id: string;
  incidentId: string;
  engineerId: string;
  engineerName: string;
  grade: EngineerGrade;
  dispatchedAt: number;
  expectedAt: number;
  arrivedAt: number | null;
  recordedBy: string;
}

export const dispatchContract = {
  /** Operators who are engineers (engineer role and above), with their grades. */
  'engineers.list': query<Engineer[]>()(z.object({})),
  'engineers.setGrade': command<Engineer>()(z.object({ operatorId: id, grade: z.enum(engineerGrades) })),
  'dispatch.record': command<Dispatch>()(z.object({ incidentId: id, engineerId: id, dispatchedAt: epochMs.optional(), expectedAt: epochMs })),
  'dispatch.arrived': command<Dispatch>()(z.object({ id, arrivedAt: epochMs.optional() })),
  'dispatch.ofIncident': query<Dispatch[]>()(z.object({ incidentId: id })),
};

export type { EngineerGrade };
