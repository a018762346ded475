// The headless host's wire format over the WebSocket at /api (documented in the README).
import { z } from 'zod';
import type { Result } from '../../shared/contract/app-error';

export const callMessageSchema = z.object({
  type: z.literal('call'),
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  input: z.unknown().optional(),
});

export type ServerMessage =
  | { type: 'result'; id: number | null; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };
