// npm start. Plain JavaScript, since it runs before anything is compiled: first scripts/start.ts
// (through tsx, in a child process that then ends) builds what is missing or out of date (the Prisma
// client, the web client, the server as JavaScript); then this process becomes the server, on plain
// node (dist/server/serve.js), so that npm waits for the server itself and signals reach it directly.
// The server migrates the database and, on an empty embedded database, loads the demo data.
import { execFileSync } from "node:child_process";
import cluster from "node:cluster";
import { fileURLToPath } from "node:url";

// With WORKERS=N the cluster's workers run this file again: the primary has built everything.
if (cluster.isPrimary) {
  execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./start.ts", import.meta.url))], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: "inherit",
  });
}
await import("../dist/server/serve.js");
