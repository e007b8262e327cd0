// The demo set: every named project and quantified target in the plan (seeds/data/projects.json),
// with illustrative owners, investment and dates, and the demo accounts of CONTRACT.md.
import type { FundingKind, PrismaClient, Role, Stage } from "@prisma/client";
import type { Database } from "../server/db/client.js";
import { hashPassword } from "../server/modules/auth/password.js";
import { insertProjects, type SeedProject } from "./projects.js";
import { createRandom } from "./random.js";
import { readSeedFile } from "./reference.js";

interface ProjectData {
  code: string;
  name: string;
  subTask: string;
  responsibleUnit: string;
  ownerUnit: string;
  township: string | null;
  description: string | null;
  totalInvestment: string;
  fundingSources: { kind: FundingKind; amount: string }[];
  plannedStart: string | null;
  plannedCompletion: string | null;
  targetQuantity: string | null;
  targetUnit: string | null;
  stage: Stage;
  history: { stage: Stage; at: string; note?: string }[];
  completedInvestment: string;
}

export async function seedDemoProjects(db: Database, now = new Date()): Promise<number> {
  const { prisma } = db;
  const data = await readSeedFile<ProjectData[]>("projects.json");
  const subTasks = new Map((await prisma.subTask.findMany()).map((s) => [s.code, s]));
  const units = new Map((await prisma.unit.findMany()).map((u) => [u.code, u.id]));
  const unitId = (code: string, project: string): number => {
    const id = units.get(code);
    if (id === undefined) throw new Error(`project ${project} names unknown unit "${code}"`);
    return id;
  };
  const projects: SeedProject[] = data.map((p) => {
    const subTask = subTasks.get(p.subTask);
    if (!subTask) throw new Error(`project ${p.code} names unknown sub-task "${p.subTask}"`);
    return {
      code: p.code,
      name: p.name,
      description: p.description,
      actionId: subTask.actionId,
      subTaskId: subTask.id,
      responsibleUnitId: unitId(p.responsibleUnit, p.code),
      ownerUnitId: unitId(p.ownerUnit, p.code),
      townshipId: p.township ? unitId(p.township, p.code) : null,
      totalInvestment: p.totalInvestment,
      completedInvestment: p.completedInvestment,
      fundingSources: p.fundingSources,
      plannedStart: p.plannedStart ? new Date(p.plannedStart) : null,
      plannedCompletion: p.plannedCompletion ? new Date(p.plannedCompletion) : null,
      targetQuantity: p.targetQuantity,
      targetUnit: p.targetUnit,
      illustrative: true,
      history: p.history.map((h) => ({ stage: h.stage, at: new Date(`${h.at}T09:00:00+08:00`), note: h.note ?? null })),
    };
  });
  await insertProjects(db, projects, { now, random: createRandom(20240101), auditAction: "project.seed", stageSettings: await db.prisma.stageSetting.findMany() });
  return projects.length;
}

const STAFF: { username: string; displayName: string; role: Role }[] = [
  { username: "admin", displayName: "系统管理员", role: "ADMIN" },
  { username: "leader", displayName: "领导小组", role: "LEADER" },
  { username: "office", displayName: "领导小组办公室", role: "OFFICE" },
  { username: "team", displayName: "工作专班", role: "TEAM" },
  { username: "auditor", displayName: "审计督查", role: "AUDITOR" },
];

/** admin, leader, office, team, auditor, and owner-<unit code> for every unit but the office. */
export async function seedDemoAccounts(prisma: PrismaClient, password: string): Promise<number> {
  const units = await prisma.unit.findMany({ orderBy: { code: "asc" } });
  const office = units.find((u) => u.kind === "OFFICE");
  const accounts = [
    ...STAFF.map((s) => ({ ...s, unitId: s.role === "OFFICE" ? (office?.id ?? null) : null })),
    ...units
      .filter((u) => u.kind !== "OFFICE")
      .map((u) => ({ username: `owner-${u.code}`, displayName: u.shortName, role: "OWNER" as Role, unitId: u.id })),
  ];
  const hashes = await Promise.all(accounts.map(() => hashPassword(password)));
  await prisma.user.createMany({
    data: accounts.map((a, i) => ({ ...a, passwordHash: hashes[i]! })),
    skipDuplicates: true,
  });
  return accounts.length;
}
