// The operators' contract: first-run setup, login and lock-out, operator accounts, and the console's settings (hotlines, idle lock).
import { z } from 'zod';
import { operatorRoles, type OperatorRole } from '../domain/operators/operator-roles';
import { type HotlineNow, isTimeZone } from '../domain/operators/hotline-schedule';
import { command, query } from './define';

const text = (max: number) => z.string().trim().max(max);
const id = z.string().min(1).max(64);
/** Login names: short, no spaces, compared without regard to case. */
const operatorName = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'operator_name_format');
export const passwordSchema = z.string().min(8, 'password_too_short').max(200);
export const operatorRoleSchema = z.enum(operatorRoles);

export interface Operator {
  id: string;
  name: string;
  displayName: string;
  role: OperatorRole;
  disabled: boolean;
  createdAt: number;
}

export interface AuthStatus {
  /** True until the first administrator exists: the console shows the setup form instead of the login. */
  needsSetup: boolean;
  operator: Operator | null;
  /** Minutes without input after which the screen locks back to the login (a setting). */
  idleLockMinutes: number;
}

export interface LoginResult {
  operator: Operator;
  /**
   * A secret that lets the same browser tab sign its next connection back in (a page reload opens a new
   * WebSocket); dropped by logout and idle lock, and a short while after its connection closes.
   */
  resumeToken: string;
}

/**
 * Why the core ended a page's sign-in without that page asking: signed out on another page sharing the sign-in,
 * the idle lock, the operator's password changed (by them elsewhere, or by an administrator), the account disabled.
 */
export const sessionEndReasons = ['logout', 'idle_lock', 'password_changed', 'disabled'] as const;
export type SessionEndReason = (typeof sessionEndReasons)[number];

/** Pushed to one page only, the moment the core signs it out: the page returns to the login screen. */
export interface SessionEnded {
  reason: SessionEndReason;
}

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_format');

export const hotlineSettingsSchema = z
  .object({
    staffedNumber: text(40),
    mobileNumber: text(40),
    workingDays: z.array(z.number().int().min(1).max(7)).max(7),
    workStart: clockTime,
    workEnd: clockTime,
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'time_zone_unknown'),
  })
  .refine((h) => h.workStart < h.workEnd, { message: 'work_hours_order', path: ['workEnd'] });

export const consoleSettingsSchema = z.object({
  hotline: hotlineSettingsSchema,
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type ConsoleSettings = z.output<typeof consoleSettingsSchema>;
export type ConsoleSettingsInput = z.input<typeof consoleSettingsSchema>;

export const operatorsContract = {
  'auth.status': query<AuthStatus>()(z.object({})),
  'auth.setup': command<LoginResult>()(z.object({ name: operatorName, displayName: text(64).min(1), password: passwordSchema })),
  'auth.login': command<LoginResult>()(z.object({ name: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) })),
  'auth.resume': command<Operator>()(z.object({ token: z.string().min(16).max(128) })),
  'auth.logout': command<null>()(z.object({})),
  'auth.lock': command<null>()(z.object({})),
  /**
   * The person at the page used keyboard, mouse or touch: keeps the sign-in from the core's idle lock. Nothing else
   * does, so a page left alone (its lists refresh themselves on timers) is still locked on time.
   */
  'auth.activity': command<null>()(z.object({})),
  'auth.changePassword': command<null>()(z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })),
  'operators.list': query<Operator[]>()(z.object({})),
  'operators.create': command<Operator>()(
    z.object({ name: operatorName, displayName: text(64).min(1), role: operatorRoleSchema, password: passwordSchema }),
  ),
  'operators.update': command<Operator>()(
    z.object({ id, displayName: text(64).min(1).optional(), role: operatorRoleSchema.optional(), disabled: z.boolean().optional() }),
  ),
  'operators.setPassword': command<null>()(z.object({ id, password: passwordSchema })),
  'settings.get': query<ConsoleSettings>()(z.object({})),
  'settings.set': command<ConsoleSettings>()(consoleSettingsSchema),
  'settings.hotlineNow': query<HotlineNow>()(z.object({})),
};

export type { HotlineNow, HotlineSettings } from '../domain/operators/hotline-schedule';
