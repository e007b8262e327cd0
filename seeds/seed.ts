// npm run db:seed [-- --demo] [--scale N]
// Without flags: reference data only (actions, sub-tasks, indicators, units), no accounts.
// --demo: the demo projects and accounts, into an empty database. --scale N: N generated projects.
import type { Database } from "../server/db/client.js";
import { readConfig } from "../server/config.js";
import { openConfiguredDatabase } from "../server/db/open.js";
import { log } from "../server/log.js";
import { seedDemoAccounts, seedDemoProjects } from "./demo.js";
import { seedDemoIndicators } from "./indicators.js";
import { seedReference } from "./reference.js";
import { seedScale } from "./scale.js";

export interface SeedOptions {
  demo: boolean;
  scale: number;
  demoPassword: string;
}

export async function seed(db: Database, options: SeedOptions): Promise<Record<string, number>> {
  const { prisma } = db;
  const figures: Record<string, number> = { ...(await seedReference(prisma)) };
  if (options.demo) {
    const [projects, users] = await Promise.all([prisma.project.count(), prisma.user.count()]);
    if (projects > 0 || users > 0) {
      throw new Error(`the demo data goes into an empty database; this one has ${projects} projects and ${users} users`);
    }
    figures.demoProjects = await seedDemoProjects(db);
    figures.accounts = await seedDemoAccounts(prisma, options.demoPassword);
    const indicators = await seedDemoIndicators(prisma);
    figures.indicatorValues = indicators.values;
    figures.indicatorLinks = indicators.links;
  }
  if (options.scale > 0) figures.generatedProjects = await seedScale(db, options.scale);
  return figures;
}

function parseArgs(argv: string[]): { demo: boolean; scale: number } {
  let demo = false;
  let scale = 0;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--demo") demo = true;
    else if (arg === "--scale") {
      scale = Number(argv[++i]);
      if (!Number.isInteger(scale) || scale < 1 || scale > 1_000_000) {
        throw new Error("--scale takes a whole number of projects, 1 to 1000000");
      }
    } else throw new Error(`unknown option ${arg}; use --demo and/or --scale N`);
  }
  return { demo, scale };
}

async function main(): Promise<void> {
  const config = readConfig();
  const args = parseArgs(process.argv.slice(2));
  const db = await openConfiguredDatabase(config, { migrate: true });
  const started = Date.now();
  try {
    const figures = await seed(db, { ...args, demoPassword: config.demoPassword });
    log.info("seeded", { database: db.location, ms: Date.now() - started, ...figures });
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    log.error("seed failed", { message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
}
