// The five actions (五大行动) are reference data: loaded with the schema's seed and never changed by
// any request. Looked up by code on every board read, they are kept per database client after the
// first read instead of costing a statement each time.
import type { Action, PrismaClient } from "@prisma/client";

const known = new WeakMap<PrismaClient, Map<number, Action>>();

/** The action with this code (1..5), or null. */
export async function actionByCode(prisma: PrismaClient, code: number): Promise<Action | null> {
  let actions = known.get(prisma);
  if (!actions?.has(code)) {
    const rows = await prisma.action.findMany();
    actions = new Map(rows.map((action) => [action.code, action]));
    known.set(prisma, actions);
  }
  return actions.get(code) ?? null;
}
