// How fast are the bottleneck queries on 20,000 projects? A fresh PostgreSQL database (DATABASE_URL,
// else a temporary database on 127.0.0.1:5432, dropped afterwards), the reference data and
// `seedScale` 20,000 projects with histories; then each query of the bottleneck review, 20 runs as of
// now and 20 as of half a year ago, and the lights of a 200-card page. Target: each under 300 ms.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { lightsOf } from "../server/modules/bottleneck/lights.js";
import {
  blockerList,
  blockerSummary,
  cumulativeFlow,
  cycleTimes,
  investmentProgress,
  overdueMilestones,
  stageFunnel,
  stuckProjects,
  type BottleneckScope,
} from "../server/modules/bottleneck/service.js";
import { seedReference } from "../seeds/reference.js";
import { seedScale } from "../seeds/scale.js";
import { median, percentile } from "./stats.js";

const PROJECTS = 20_000;
const RUNS = 20;

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => {} };
  const admin = "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `tuijin_bench_${randomBytes(5).toString("hex")}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  return { url: `postgresql://postgres@127.0.0.1:5432/${name}`, drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function bottlenecks(): Promise<Record<string, number>> {
  process.env.LOG_LEVEL ??= "silent";
  const { url, drop } = await freshDatabase();
  const db = await openDatabase({ url, poolSize: 4 });
  try {
    await migrate(db.sql);
    await seedReference(db.prisma);
    const seeded = Date.now();
    await seedScale(db, PROJECTS);
    console.error(`seeded ${PROJECTS} projects in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    await db.sql.exec("ANALYZE");
    const { prisma } = db;
    const pageIds = (await prisma.project.findMany({ select: { id: true }, orderBy: { code: "asc" }, take: 200 })).map((p) => p.id);

    const queries: Record<string, (scope: BottleneckScope) => Promise<unknown>> = {
      stuck: (s) => stuckProjects(db.sql, s, 1000),
      overdue: (s) => overdueMilestones(db.sql, s, 1000),
      blockers: (s) => blockerList(db.sql, s, 200),
      blockersByKind: (s) => blockerSummary(db.sql, s),
      funnel: (s) => stageFunnel(db.sql, s),
      flow12: (s) => cumulativeFlow(db.sql, s, 12),
      cycleTimes: (s) => cycleTimes(db.sql, s),
      investment: (s) => investmentProgress(db.sql, s),
      lights200: (s) => lightsOf(db.sql, pageIds, { asOf: s.asOf, present: false }),
    };
    const figures: Record<string, number> = {};
    const instants: [string, Date][] = [
      ["now", new Date()],
      ["past", new Date(Date.now() - 182 * 86_400_000)],
    ];
    for (const [label, asOf] of instants) {
      for (const [name, query] of Object.entries(queries)) {
        const scope: BottleneckScope = { asOf };
        await query(scope); // warm up
        const times: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const started = performance.now();
          await query(scope);
          times.push(performance.now() - started);
        }
        figures[`${name}.${label}.median`] = median(times);
        figures[`${name}.${label}.p95`] = percentile(times, 95);
      }
    }
    // One action's view, as the page filters it.
    const action = await prisma.action.findUniqueOrThrow({ where: { code: 2 } });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await stuckProjects(db.sql, { asOf: new Date(), actionId: action.id }, 1000);
      times.push(performance.now() - started);
    }
    figures["stuck.action2.median"] = median(times);
    return figures;
  } finally {
    await db.close();
    await drop();
  }
}
