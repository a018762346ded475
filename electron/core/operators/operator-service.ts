// Operator accounts: the first administrator, create/update/disable (administrators only), passwords.
import { AppError } from '../../../shared/contract/app-error';
import type { MethodArgs, Operator } from '../../../shared/contract';
import type { OperatorRole } from '../../../shared/domain/operators/operator-roles';
import type { CallContext, CoreContext } from '../context';
import type { Db, Trx } from '../db/database';
import { inTransaction } from '../journal/service';
import { hashPassword } from './password-hash';
import type { OperatorTable } from './schema';
import type { SignIns } from './sign-ins';

export function toOperator(row: OperatorTable): Operator {
  return { id: row.id, name: row.name, displayName: row.display_name, role: row.role, disabled: row.disabled === 1, createdAt: row.created_at };
}

export async function hasOperators(db: Db | Trx): Promise<boolean> {
  return (await db.selectFrom('operator').select('id').limit(1).executeTakeFirst()) !== undefined;
}

export function findOperatorById(db: Db | Trx, id: string): Promise<OperatorTable | undefined> {
  return db.selectFrom('operator').selectAll().where('id', '=', id).executeTakeFirst();
}

/** By login name, without regard to case (the column is collate nocase). */
export function findOperatorByName(db: Db | Trx, name: string): Promise<OperatorTable | undefined> {
  return db.selectFrom('operator').selectAll().where('name', '=', name.trim()).executeTakeFirst();
}

export async function listOperators(db: Db): Promise<Operator[]> {
  return (await db.selectFrom('operator').selectAll().orderBy('created_at').orderBy('name').execute()).map(toOperator);
}

/** First run: creates the administrator, once. Refused (`setup_done`) as soon as any operator exists. */
export async function setupFirstAdministrator(ctx: CoreContext, args: MethodArgs<'auth.setup'>): Promise<OperatorTable> {
  const passwordHash = await hashPassword(args.password);
  return inTransaction(ctx, async (trx, journal) => {
    if (await hasOperators(trx)) throw new AppError('setup_done', 'setup_done');
    const row = newRow(ctx, { name: args.name, displayName: args.displayName, role: 'administrator', passwordHash });
    await trx.insertInto('operator').values(row).execute();
    await journal({ type: 'operator.created', entityType: 'operator', entityId: row.id, payload: { ...describe(row), firstRun: true }, operator: row.name });
    return row;
  });
}

export async function createOperator(ctx: CoreContext, call: CallContext, args: MethodArgs<'operators.create'>): Promise<Operator> {
  const passwordHash = await hashPassword(args.password);
  return inTransaction(ctx, async (trx, journal) => {
    if (await findOperatorByName(trx, args.name)) throw new AppError('operator_name_taken', 'operator_name_taken', { name: args.name });
    const row = newRow(ctx, { name: args.name, displayName: args.displayName, role: args.role, passwordHash });
    await trx.insertInto('operator').values(row).execute();
    await journal({ type: 'operator.created', entityType: 'operator', entityId: row.id, payload: describe(row), operator: call.operator });
    return toOperator(row);
  });
}

/**
 * Changes a display name or role, or disables/enables; the last active administrator can be neither demoted nor
 * disabled. Disabling ends every sign-in of the account at once (its pages return to the login screen).
 */
export async function updateOperator(ctx: CoreContext, signIns: SignIns, call: CallContext, args: MethodArgs<'operators.update'>): Promise<Operator> {
  const updated = await inTransaction(ctx, async (trx, journal) => {
    const row = await requireOperator(trx, args.id);
    const next = {
      display_name: args.displayName ?? row.display_name,
      role: args.role ?? row.role,
      disabled: args.disabled === undefined ? row.disabled : args.disabled ? 1 : 0,
    };
    const wasActiveAdmin = row.role === 'administrator' && row.disabled === 0;
    const staysActiveAdmin = next.role === 'administrator' && next.disabled === 0;
    if (wasActiveAdmin && !staysActiveAdmin && (await activeAdministrators(trx)) <= 1) {
      throw new AppError('last_administrator', 'last_administrator', { name: row.name });
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (next.display_name !== row.display_name) changes.displayName = { from: row.display_name, to: next.display_name };
    if (next.role !== row.role) changes.role = { from: row.role, to: next.role };
    if (next.disabled !== row.disabled) changes.disabled = { from: row.disabled === 1, to: next.disabled === 1 };
    if (Object.keys(changes).length === 0) return toOperator(row);
    const updated = { ...row, ...next, updated_at: ctx.clock.now() };
    await trx.updateTable('operator').set({ ...next, updated_at: updated.updated_at }).where('id', '=', row.id).execute();
    await journal({ type: 'operator.updated', entityType: 'operator', entityId: row.id, payload: { name: row.name, changes }, operator: call.operator });
    return toOperator(updated);
  });
  if (updated.disabled) signIns.endOperator(updated.id, 'disabled');
  return updated;
}

/**
 * An administrator sets someone's password (a forgotten one, a suspected leak); this also lifts a lock-out and ends
 * every sign-in of that operator (but the administrator's own page, should they set their own).
 */
export async function setOperatorPassword(ctx: CoreContext, signIns: SignIns, call: CallContext, args: MethodArgs<'operators.setPassword'>): Promise<null> {
  const passwordHash = await hashPassword(args.password);
  await inTransaction(ctx, async (trx, journal) => {
    const row = await requireOperator(trx, args.id);
    await trx
      .updateTable('operator')
      .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: ctx.clock.now() })
      .where('id', '=', row.id)
      .execute();
    await journal({ type: 'operator.password_set', entityType: 'operator', entityId: row.id, payload: { name: row.name, by: 'administrator' }, operator: call.operator });
  });
  const ownPage = call.session?.operatorId === args.id ? call.session.resumeToken : null;
  signIns.endOperator(args.id, 'password_changed', ownPage);
  return null;
}

export async function requireOperator(db: Db | Trx, id: string): Promise<OperatorTable> {
  const row = await findOperatorById(db, id);
  if (!row) throw new AppError('operator_not_found', 'operator_not_found', { id });
  return row;
}

async function activeAdministrators(trx: Trx): Promise<number> {
  const { count } = await trx
    .selectFrom('operator')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('role', '=', 'administrator')
    .where('disabled', '=', 0)
    .executeTakeFirstOrThrow();
  return Number(count);
}

function newRow(ctx: CoreContext, input: { name: string; displayName: string; role: OperatorRole; passwordHash: string }): OperatorTable {
  const now = ctx.clock.now();
  return {
    id: ctx.newId(),
    name: input.name,
    display_name: input.displayName,
    role: input.role,
    password_hash: input.passwordHash,
    disabled: 0,
    failed_logins: 0,
    locked_until: null,
    created_at: now,
    updated_at: now,
  };
}

/** What the journal records about an account: never the password hash. */
function describe(row: OperatorTable) {
  return { name: row.name, displayName: row.display_name, role: row.role };
}
