// `npm start`: opens the database (migrating it), gives an empty embedded database the demo data,
// and serves the API and the web client. The only file that listens.
import { readConfig } from "./config.js";
import { claimDataDir } from "./db/data-dir-lock.js";
import { openConfiguredDatabase } from "./db/open.js";
import { log } from "./log.js";
import { createApp, loadPersistedOperations } from "./app.js";
import { loadSessionSecret } from "./modules/auth/tokens.js";
import { createLiveEvents } from "./pubsub.js";
import { seed } from "../seeds/seed.js";

async function main(): Promise<void> {
  const config = readConfig();
  // The embedded database is this process's alone while it runs (backups refuse to copy it meanwhile).
  if (!config.databaseUrl) process.once("exit", claimDataDir(config.dataDir, "server"));
  const db = await openConfiguredDatabase(config, { migrate: true });
  if (db.kind === "embedded" && (await db.prisma.action.count()) === 0) {
    log.info("empty embedded database: loading the demo data (illustrative figures)");
    const figures = await seed(db, { demo: true, scale: 0, demoPassword: config.demoPassword });
    log.info("demo data loaded", figures);
  }
  const live = createLiveEvents(config.redisUrl);
  const server = createApp(db, {
    pubsub: live.pubsub,
    sessionSecret: loadSessionSecret(process.env, config.dataDir),
    persistedOperations: loadPersistedOperations(config.persistedOperationsOnly),
  });
  server.listen(config.port, config.host, () => {
    log.info("listening", { url: `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`, database: db.kind, location: db.location });
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    server.close();
    server.closeAllConnections();
    Promise.allSettled([live.close(), db.close()]).finally(() => process.exit(0));
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  log.error("failed to start", { error });
  process.exit(1);
});
