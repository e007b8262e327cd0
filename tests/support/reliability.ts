// What the reliability scenarios share: how long they run, the projects they change and the users
// who change them.
import type { Role } from "@prisma/client";
import type { Database } from "../../server/db/client.js";
import type { LoadClient, LoadTarget } from "./load.js";
import { completeAllGates, makeProject } from "./projects.js";

/** Seconds of load: TUIJIN_RELIABILITY_SECONDS (npm run chaos), else 30 in CI and 60 elsewhere. */
export function loadSeconds(): number {
  const given = Number(process.env.TUIJIN_RELIABILITY_SECONDS);
  if (Number.isFinite(given) && given > 0) return given;
  return process.env.CI === "true" ? 30 : 60;
}

const UNITS = ["jtj", "zjj", "jxj", "wjj"];

/**
 * Projects spread over four units and all five actions, with every gate's checklist complete so
 * that they can move forward as well as back.
 */
export async function makeLoadProjects(db: Database, prefix: string, count: number): Promise<LoadTarget[]> {
  const targets: LoadTarget[] = [];
  for (let i = 0; i < count; i++) {
    const project = await makeProject(db, {
      code: `${prefix}-${String(i + 1).padStart(3, "0")}`,
      actionCode: 1 + (i % 5),
      unitCode: UNITS[i % UNITS.length],
      stage: (["RESERVE", "PREPARATION", "STARTED"] as const)[i % 3],
      totalInvestment: "100000",
    });
    await completeAllGates(db, project.id);
    // The gate's monthly report counts in the completed investment, as one submitted would.
    const reports = await db.prisma.progressReport.aggregate({ where: { projectId: project.id }, _sum: { investmentThisMonth: true } });
    await db.prisma.project.update({ where: { id: project.id }, data: { completedInvestment: reports._sum.investmentThisMonth ?? 0 } });
    targets.push({ id: project.id, responsibleUnitId: project.responsibleUnitId });
  }
  return targets;
}

export interface LoadUser {
  username: string;
  role: Role;
  unitCode?: string;
  unitId: number | null;
}

/** An owner per unit, two of the special team and two of the office. */
export async function loadUsers(db: Database, prefix: string): Promise<LoadUser[]> {
  const units = await db.prisma.unit.findMany({ where: { code: { in: UNITS } } });
  return [
    ...units.map((unit) => ({ username: `${prefix}-owner-${unit.code}`, role: "OWNER" as const, unitCode: unit.code, unitId: unit.id })),
    ...[1, 2].map((n) => ({ username: `${prefix}-team-${n}`, role: "TEAM" as const, unitId: null })),
    ...[1, 2].map((n) => ({ username: `${prefix}-office-${n}`, role: "OFFICE" as const, unitId: null })),
  ];
}

/** `count` clients over the users, each user in several (as one person has several tabs open). */
export async function loadClients(users: LoadUser[], count: number, signIn: (username: string) => Promise<string>): Promise<LoadClient[]> {
  const sessions: LoadClient[] = [];
  for (const user of users) sessions.push({ token: await signIn(user.username), role: user.role, unitId: user.unitId });
  return Array.from({ length: count }, (_, i) => sessions[i % sessions.length]!);
}
