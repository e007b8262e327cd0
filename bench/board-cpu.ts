// The CPU an uncached board costs the server, without HTTP, the load generator or another process on
// the same cores (npm run bench -- board-cpu): the GraphQL server of `npm start` with the board cache
// off, called in process (yoga's fetch) on a fresh database of 20,000 generated projects, 4 boards at
// a time as the server's admission lets them run. The load benchmark's CPU per request moves with
// everything else the machine does; this one is the figure to compare two builds by (in turns, on
// the same machine). Medians of BENCH_ROUNDS rounds of 300 boards; `{ __typename }` is the fixed cost
// of a request (its session included). Measured in a process of its own, started as `npm start`
// starts the server (production, the start script's node flags).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { seed } from "../seeds/seed.js";
import { BENCH_PASSWORD, clientDocument } from "./client-documents.js";
import { createScratchDatabase } from "./scratch-database.js";
import { median } from "./stats.js";

const SCALE = Number(process.env.BENCH_SCALE || 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PER_ROUND = 300;
const AT_ONCE = 4;

export async function boardCpu(): Promise<Record<string, number>> {
  const scratch = await createScratchDatabase("tuijin_bench_cpu");
  try {
    const db = await openDatabase({ url: scratch.url });
    try {
      await migrate(db.sql);
      await seed(db, { demo: true, scale: SCALE, demoPassword: BENCH_PASSWORD });
    } finally {
      await db.close();
    }
    const output = execFileSync(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", fileURLToPath(import.meta.url)], {
      env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "silent", BENCH_DATABASE_URL: scratch.url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    return JSON.parse(output.trim().split("\n").at(-1)!) as Record<string, number>;
  } finally {
    await scratch.drop();
  }
}

/** In the process of its own: the measurement, printed as JSON. */
async function measure(url: string): Promise<Record<string, number>> {
  const board = clientDocument("Board");
  // Loaded after NODE_ENV is set (graphql's development checks are decided as it loads).
  const { createGraphQLServer } = await import("../server/yoga.js");
  const { createTokenSigner } = await import("../server/modules/auth/tokens.js");
  const { createLiveEvents } = await import("../server/pubsub.js");
  const db = await openDatabase({ url });
  const live = createLiveEvents();
  try {
    const yoga = createGraphQLServer(db, live.pubsub, createTokenSigner(Buffer.alloc(32, 1)), { documents: {}, only: false }, { boardCache: false });
    const post = async (body: object, token?: string): Promise<string> => {
      const headers: Record<string, string> = { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) };
      const response = await yoga.fetch("http://bench/graphql", { method: "POST", headers, body: JSON.stringify(body) }, { requestId: "bench" });
      return response.text();
    };
    const login = JSON.parse(await post({ query: `mutation { login(username: "team", password: "${BENCH_PASSWORD}") { ... on LoginSuccess { token } } }` }));
    const token = login.data?.login?.token as string | undefined;
    if (!token) throw new Error("cannot sign in as team");

    const figures: Record<string, number> = {};
    for (const [name, body] of [
      ["{ __typename }", { query: "{ __typename }" }],
      ["board, cache off", { query: board, variables: { actionCode: 2, filter: {} } }],
    ] as const) {
      const first = JSON.parse(await post(body, token));
      if (first.errors) throw new Error(`${name}: ${JSON.stringify(first.errors)}`);
      for (let i = 0; i < 50; i++) await post(body, token);
      const rounds: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let left = PER_ROUND;
        const before = process.cpuUsage();
        await Promise.all(
          Array.from({ length: AT_ONCE }, async () => {
            while (left-- > 0) await post(body, token);
          }),
        );
        const used = process.cpuUsage(before);
        rounds.push((used.user + used.system) / 1000 / PER_ROUND);
      }
      figures[`${name}: CPU ms/request (median of ${ROUNDS} rounds)`] = median(rounds);
    }
    return figures;
  } finally {
    await live.close();
    await db.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measure(process.env.BENCH_DATABASE_URL!)));
}
