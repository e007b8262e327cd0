// Every change to a project goes through here: the project row is locked, the actor's right and the
// expected version are checked, the version is bumped (it counts the project's changes) and the
// audit event is appended, all in the caller's transaction.
import { Prisma, type Project } from "@prisma/client";
import type { Actor } from "../../context.js";
import { columnsOf } from "../../db/columns.js";
import { rowsIn, type AnyTx, type Tx } from "../../db/transaction.js";
import { appendAuditEvent, type AuditInput } from "../audit/service.js";
import { canChangeProject } from "../auth/policy.js";
import { ForbiddenError, NotFoundError, StaleVersionError } from "../common/errors.js";

/**
 * Locks and loads the project; throws NotFound, Forbidden, or StaleVersion when expectedVersion is
 * given. An archived project counts as not found, unless `archived` is allowed (archiving itself).
 */
export async function loadForChange(
  tx: AnyTx,
  actor: Actor,
  projectId: number,
  expectedVersion?: number,
  options: { allowArchived?: boolean } = {},
): Promise<Project> {
  // The row lock serialises changes to one project; it is always taken before the audit chain's lock.
  // Lock and read in one statement: under READ COMMITTED, SELECT … FOR UPDATE returns the row as
  // the lock's previous holder committed it.
  const [project] = await rowsIn<Project>(tx, Prisma.sql`SELECT ${columnsOf("Project", "project")} FROM project WHERE id = ${projectId} FOR UPDATE`);
  return checkedForChange(actor, project, expectedVersion, options);
}

/** The checks of loadForChange on a project as read: found (and not archived), the actor's, the version expected. */
export function checkedForChange(
  actor: Actor,
  project: Project | undefined,
  expectedVersion?: number,
  options: { allowArchived?: boolean } = {},
): Project {
  if (!project || (project.archivedAt && !options.allowArchived)) throw new NotFoundError("项目");
  if (!canChangeProject(actor.viewer, project)) throw new ForbiddenError("只能修改本单位负责的项目");
  if (expectedVersion !== undefined && project.version !== expectedVersion) {
    throw new StaleVersionError(project.version, project.stage);
  }
  return project;
}

export interface Change {
  action: string;
  /** The record changed, when it is not the project itself. */
  entity?: { name: string; id: string | number };
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** Fields of the project to update with the version. */
  data?: Prisma.ProjectUpdateInput;
  at?: Date;
}

export async function recordChange(tx: Tx, actor: Actor, project: Project, change: Change): Promise<Project> {
  const updated = await tx.project.update({
    where: { id: project.id },
    data: { ...change.data, version: { increment: 1 } },
  });
  await auditChange(tx, actor, project, change, updated.version);
  return updated;
}

/**
 * The audit event of a change whose project row was already updated to `version` (recordChange,
 * or a hand-written statement on a hot path). The chain's lock is taken here: call it last.
 */
export async function auditChange(tx: AnyTx, actor: Actor, project: Pick<Project, "id">, change: Omit<Change, "data">, version: number): Promise<void> {
  await appendAuditEvent(tx, changeEvent(actor, project, change, version));
}

/** The audit event of a change that leaves the project at `version`. */
export function changeEvent(actor: Actor, project: Pick<Project, "id">, change: Omit<Change, "data">, version: number): AuditInput {
  return {
    at: change.at ?? new Date(),
    actorId: actor.viewer.userId,
    entity: change.entity?.name ?? "Project",
    entityId: change.entity?.id ?? project.id,
    projectId: project.id,
    action: change.action,
    before: change.before,
    after: change.after ? { ...change.after, version } : { version },
    requestId: actor.requestId,
  };
}
