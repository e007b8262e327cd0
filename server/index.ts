// `npm start`: opens the database (migrating it), gives an empty embedded database the demo data,
// and serves the API and the web client. The only file that listens. With WORKERS=N the primary
// process prepares the database and the session secret once, then N worker processes share the port
// (node:cluster), the database and Redis (live updates reach clients of every worker).
import cluster from "node:cluster";
import { readConfig, type Config } from "./config.js";
import { claimDataDir } from "./db/data-dir-lock.js";
import { openConfiguredDatabase } from "./db/open.js";
import { log } from "./log.js";
import { createApp, loadPersistedOperations } from "./app.js";
import { inFlight } from "./in-flight.js";
import { loadSessionSecret } from "./modules/auth/tokens.js";
import { createLiveEvents } from "./pubsub.js";
import { seed } from "../seeds/seed.js";

/** How long a stop waits for the requests under way (a board, a move, an export) to be answered. */
const STOP_GRACE_MS = 10_000;

function checkWorkers(config: Config): void {
  if (config.workers === 1) return;
  if (!config.databaseUrl) throw new Error("WORKERS above 1 needs DATABASE_URL: the embedded database serves one process");
  if (!config.redisUrl) throw new Error("WORKERS above 1 needs REDIS_URL: live updates must reach the clients of every worker");
}

/** Opens the database, migrating it, and gives an empty embedded database the demo data. */
async function prepareDatabase(config: Config) {
  const db = await openConfiguredDatabase(config, { migrate: true });
  if (db.kind === "embedded" && (await db.prisma.action.count()) === 0) {
    log.info("empty embedded database: loading the demo data (illustrative figures)");
    const figures = await seed(db, { demo: true, scale: 0, demoPassword: config.demoPassword });
    log.info("demo data loaded", figures);
  }
  return db;
}

async function serve(config: Config, migrate: boolean): Promise<void> {
  // The embedded database is this process's alone while it runs (backups refuse to copy it meanwhile).
  if (!config.databaseUrl) process.once("exit", claimDataDir(config.dataDir, "server"));
  const db = migrate ? await prepareDatabase(config) : await openConfiguredDatabase(config, { migrate: false });
  const live = createLiveEvents(config.redisUrl);
  const work = inFlight();
  const server = createApp(db, {
    inFlight: work,
    pubsub: live.pubsub,
    sessionSecret: loadSessionSecret(process.env, config.dataDir),
    persistedOperations: loadPersistedOperations(config.persistedOperationsOnly),
    statementHeader: config.statementHeader,
    boardCache: config.boardCache,
    graphqlConcurrency: config.graphqlConcurrency,
  });
  server.listen(config.port, config.host, () => {
    const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
    log.info("listening", { url, database: db.kind, location: db.location, pid: process.pid });
  });

  // A stop takes no new connections, lets the requests under way finish (for at most STOP_GRACE_MS),
  // then ends the live-update streams (their clients reconnect to the next server) and closes the
  // database.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal, pid: process.pid });
    server.close();
    server.closeIdleConnections();
    if (!(await work.settled(STOP_GRACE_MS))) log.warn("stopping with requests still under way", { graceMs: STOP_GRACE_MS });
    server.closeAllConnections();
    await Promise.allSettled([live.close(), db.close()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

async function primary(config: Config): Promise<void> {
  const db = await prepareDatabase(config);
  await db.close();
  // Written once here, so that every worker signs sessions with the same secret.
  loadSessionSecret(process.env, config.dataDir);
  let stopping = false;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    log.error("worker ended; starting another", { pid: worker.process.pid, code, signal });
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal, workers: config.workers });
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    let left = Object.keys(cluster.workers ?? {}).length;
    if (left === 0) process.exit(0);
    cluster.on("exit", () => {
      left -= 1;
      if (left === 0) process.exit(0);
    });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

async function main(): Promise<void> {
  const config = readConfig();
  checkWorkers(config);
  if (config.workers === 1) await serve(config, true);
  else if (cluster.isPrimary) await primary(config);
  else await serve(config, false);
}

main().catch((error: unknown) => {
  log.error("failed to start", { error });
  process.exit(1);
});
