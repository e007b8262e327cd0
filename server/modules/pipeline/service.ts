// Moving a project along the pipeline (谋储争推):
// - forward one stage at a time, through the gate of the stage it leaves;
// - back any number of stages, with a reason;
// - OFFICE and ADMIN may correct the record (补录) to any stage, with a note, without the gates.
// A move names the version the user saw and is written only if the project is still at it, so of
// many concurrent moves from the same version exactly one wins and the rest get StaleVersionError
// with nothing written.
import { Prisma, type GateCheck, type GateRequirement, type PrismaClient, type Project, type Role, type Stage, type StageTransition, type TransitionKind } from "@prisma/client";
import type { Database, SqlRunner } from "../../db/client.js";
import { columnsOf } from "../../db/columns.js";
import { inTransaction, retried } from "../../db/transaction.js";
import { appendAuditEvent, appendEventSql } from "../audit/service.js";
import { GateNotMetError, NotFoundError, StaleVersionError, TransitionNotAllowedError, ValidationError } from "../common/errors.js";
import { STAGE_NAMES, stageIndex } from "../common/stage.js";
import { todayInChina } from "../common/calendar.js";
import type { Actor } from "../../context.js";
import { CONFIGURERS } from "../auth/policy.js";
import { changeEvent, checkedForChange, loadForChange, recordChange } from "../project/change.js";
import { gateItemsSql, gateStatuses, missingItems, type GateItemRow, type GateItemStatus } from "./gates.js";
import { planMilestones } from "./milestones.js";

export interface MoveProjectCommand {
  projectId: number;
  to: Stage;
  expectedVersion: number;
  note?: string | null;
  /** 补录: OFFICE and ADMIN correcting the record. */
  correction?: boolean;
}

export function transitionKind(from: Stage, to: Stage): TransitionKind {
  return stageIndex(to) > stageIndex(from) ? "FORWARD" : "BACKWARD";
}

/** The kind of move, or why it is not allowed; gates are checked separately. */
export function classifyMove(from: Stage, to: Stage, role: Role, note: string | null, correction: boolean): TransitionKind {
  const refuse = (message: string) => new TransitionNotAllowedError(message, from, to);
  if (from === to) throw refuse(`项目已处于「${STAGE_NAMES[to]}」阶段`);
  if (correction) {
    // Corrections are the office's, like the rest of the pipeline's configuration.
    if (!CONFIGURERS.includes(role)) throw refuse("补录更正须由领导小组办公室办理");
    if (!note) throw refuse("补录更正须填写说明");
    return "CORRECTION";
  }
  const step = stageIndex(to) - stageIndex(from);
  if (step < 0) {
    if (!note) throw refuse(`退回「${STAGE_NAMES[to]}」须说明原因`);
    return "BACKWARD";
  }
  if (step > 1) throw refuse(`只能逐级推进：「${STAGE_NAMES[from]}」之后是下一阶段，跨阶段补录须由领导小组办公室办理`);
  return "FORWARD";
}

export async function moveProject(
  db: Database,
  actor: Actor,
  command: MoveProjectCommand,
): Promise<{ projectId: number; actionId: number; transition: StageTransition }> {
  return retried(async () => {
    const { project, gate, transitionId } = await loadForMove(db.sql, actor, command.projectId, command.expectedVersion);
    const note = command.note?.trim() || null;
    const kind = classifyMove(project.stage, command.to, actor.viewer.role, note, command.correction ?? false);
    if (kind === "FORWARD") {
      const missing = missingItems(gate);
      if (missing.length > 0) throw new GateNotMetError(missing);
    }
    const transition = await recordMove(db.sql, actor, project, { id: transitionId, to: command.to, kind, at: new Date(), note });
    return { projectId: project.id, actionId: project.actionId, transition };
  });
}

/**
 * What a move is decided on, in one statement: the project, the gate of its stage, and an id for
 * the transition (drawn whether or not the move is made: ids may have gaps, as after any rollback).
 */
async function loadForMove(
  sql: SqlRunner,
  actor: Actor,
  projectId: number,
  expectedVersion: number,
): Promise<{ project: Project; gate: GateItemStatus[]; transitionId: number }> {
  const [row] = await sql.rows<Project & { gateRows: GateItemRow[]; transitionId: number }>(Prisma.sql`
    SELECT ${columnsOf("Project", "project")},
           (SELECT coalesce(json_agg(g), '[]'::json) FROM (${gateItemsSql(projectId, Prisma.sql`project.stage`)}) g) AS "gateRows",
           nextval(pg_get_serial_sequence('stage_transition', 'id'))::int AS "transitionId"
      FROM project WHERE id = ${projectId}`);
  if (!row) throw new NotFoundError("项目");
  const { gateRows, transitionId, ...fields } = row;
  const project = checkedForChange(actor, fields as Project, expectedVersion);
  return { project, gate: gateStatuses(gateRows, project), transitionId };
}

/**
 * Writes a move in one statement, on condition that the project is still at the version it was
 * decided on: its stage and version, the transition, and the audit event (the chain's lock is taken
 * after the project's row lock and held only to the statement's end). Every change to a project
 * bumps its version (project/change.ts), so a project that changed since loadForMove read it,
 * gate included, is not written: of concurrent moves from one version exactly one is made, and the
 * others get StaleVersionError with nothing written.
 */
async function recordMove(
  sql: SqlRunner,
  actor: Actor,
  project: Project,
  move: { id: number; to: Stage; kind: TransitionKind; at: Date; note: string | null },
): Promise<StageTransition> {
  const at = move.at.toISOString();
  const version = project.version + 1;
  const event = changeEvent(
    actor,
    project,
    {
      action: "project.move",
      at: move.at,
      before: { stage: project.stage, stageEnteredAt: project.stageEnteredAt },
      after: { stage: move.to, stageEnteredAt: move.at, kind: move.kind, note: move.note, transitionId: move.id },
    },
    version,
  );
  const [written] = await sql.rows<{ seq: number }>(Prisma.sql`
    WITH moved AS (
      UPDATE project SET stage = ${move.to}::"Stage", stage_entered_at = ${at}::timestamp(3), version = ${version},
             updated_at = ${at}::timestamp(3)
       WHERE id = ${project.id} AND version = ${project.version} AND archived_at IS NULL
      RETURNING id),
    transition AS (
      INSERT INTO stage_transition (id, project_id, from_stage, to_stage, kind, at, actor_id, note)
      SELECT ${move.id}, moved.id, ${project.stage}::"Stage", ${move.to}::"Stage", ${move.kind}::"TransitionKind",
             ${at}::timestamp(3), ${actor.viewer.userId}::integer, ${move.note}::text
        FROM moved)
    SELECT audited.seq FROM moved CROSS JOIN LATERAL (${appendEventSql(event, { projectId: Prisma.sql`moved.id` })}) audited`);
  if (!written) {
    // Changed (or archived) since it was read: say what it is now.
    const [now] = await sql.rows<Project>(Prisma.sql`SELECT ${columnsOf("Project", "project")} FROM project WHERE id = ${project.id}`);
    checkedForChange(actor, now, project.version);
    throw new StaleVersionError(now!.version, now!.stage);
  }
  return {
    id: move.id,
    projectId: project.id,
    fromStage: project.stage,
    toStage: move.to,
    kind: move.kind,
    at: move.at,
    actorId: actor.viewer.userId,
    note: move.note,
  };
}

// ---------------------------------------------------------------------------------------------
// Milestones (倒排工期)

/** Plans the stage milestones backwards from the target completion date; done ones are kept. */
export async function generateMilestones(prisma: PrismaClient, actor: Actor, projectId: number): Promise<Project> {
  return inTransaction(prisma, async (tx) => {
    const project = await loadForChange(tx, actor, projectId);
    if (!project.plannedCompletion) throw new ValidationError("请先填写计划竣工日期，再倒排工期", "plannedCompletion");
    const settings = await tx.stageSetting.findMany();
    const plan = planMilestones(project.plannedCompletion, settings);
    const existing = await tx.milestone.findMany({ where: { projectId, stage: { not: null } } });
    const changes: { stage: Stage; name: string; from: Date | null; to: Date }[] = [];
    for (const planned of plan) {
      const current = existing.find((m) => m.stage === planned.stage);
      if (current?.actualDate) continue;
      if (current) {
        if (current.plannedDate.getTime() === planned.plannedDate.getTime() && current.name === planned.name) continue;
        await tx.milestone.update({ where: { id: current.id }, data: { plannedDate: planned.plannedDate, name: planned.name } });
      } else {
        await tx.milestone.create({ data: { projectId, ...planned } });
      }
      changes.push({ stage: planned.stage, name: planned.name, from: current?.plannedDate ?? null, to: planned.plannedDate });
    }
    return recordChange(tx, actor, project, {
      action: "milestone.generate",
      entity: { name: "Milestone", id: `${projectId}:*` },
      before: { planned: changes.filter((c) => c.from).map((c) => ({ stage: c.stage, plannedDate: c.from })) },
      after: { planned: changes.map((c) => ({ stage: c.stage, name: c.name, plannedDate: c.to })) },
    });
  });
}

export async function completeMilestone(
  prisma: PrismaClient,
  actor: Actor,
  input: { milestoneId: number; actualDate: Date },
): Promise<Project> {
  if (input.actualDate > todayInChina()) throw new ValidationError("完成日期不能晚于今天", "actualDate");
  return inTransaction(prisma, async (tx) => {
    const found = await tx.milestone.findUnique({ where: { id: input.milestoneId } });
    if (!found) throw new NotFoundError("节点");
    const project = await loadForChange(tx, actor, found.projectId);
    const milestone = await tx.milestone.update({ where: { id: found.id }, data: { actualDate: input.actualDate } });
    return recordChange(tx, actor, project, {
      action: "milestone.complete",
      entity: { name: "Milestone", id: milestone.id },
      before: { name: found.name, actualDate: found.actualDate },
      after: { name: milestone.name, plannedDate: milestone.plannedDate, actualDate: milestone.actualDate },
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Gate configuration (the office)

export interface GateRequirementInput {
  id: number | null;
  fromStage: Stage;
  key: string;
  label: string;
  check: GateCheck;
  position: number;
  active: boolean;
}

export async function saveGateRequirement(prisma: PrismaClient, actor: Actor, input: GateRequirementInput): Promise<GateRequirement> {
  if (input.fromStage === "COMPLETED") throw new ValidationError("竣工是最后阶段，没有出口条件", "fromStage");
  if (!/^[a-z][a-z0-9_]{1,40}$/.test(input.key)) throw new ValidationError("标识应为小写字母、数字和下划线", "key");
  const label = input.label.trim();
  if (!label || label.length > 200) throw new ValidationError("请填写条件名称（不超过 200 字）", "label");
  return inTransaction(prisma, async (tx) => {
    const previous = input.id ? await tx.gateRequirement.findUnique({ where: { id: input.id } }) : null;
    if (input.id && !previous) throw new NotFoundError("阶段条件");
    const clash = await tx.gateRequirement.findUnique({ where: { fromStage_key: { fromStage: input.fromStage, key: input.key } } });
    if (clash && clash.id !== input.id) throw new ValidationError("同一阶段已有相同标识的条件", "key");
    const data = { fromStage: input.fromStage, key: input.key, label, check: input.check, position: input.position, active: input.active };
    const saved = previous
      ? await tx.gateRequirement.update({ where: { id: previous.id }, data })
      : await tx.gateRequirement.create({ data });
    await appendAuditEvent(tx, {
      actorId: actor.viewer.userId,
      entity: "GateRequirement",
      entityId: saved.id,
      action: previous ? "gate-requirement.update" : "gate-requirement.create",
      before: previous,
      after: saved,
      requestId: actor.requestId,
    });
    return saved;
  });
}
