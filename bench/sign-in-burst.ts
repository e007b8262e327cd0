// Does a burst of wrong passwords against one account slow anyone else down?
// Measures a signed-in user's `{ actions { code } }` latency alone, and while bursts of 50 wrong
// passwords hit another account. Prints medians and p95 in ms, and the ratio of the medians.
// DATABASE_URL selects PostgreSQL; otherwise an in-memory embedded database.
import type { AddressInfo } from "node:net";
import { createApp } from "../server/app.js";
import { openDatabase } from "../server/db/client.js";
import { migrate } from "../server/db/migrate.js";
import { hashPassword } from "../server/modules/auth/password.js";
import { seedReference } from "../seeds/reference.js";
import { percentile } from "./stats.js";

const PASSWORD = "bench-password-1";


export async function signInBurst(): Promise<Record<string, number>> {
  process.env.LOG_LEVEL ??= "silent";
  const db = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { memory: true });
  await migrate(db.sql);
  await seedReference(db.prisma);
  const hash = await hashPassword(PASSWORD);
  const suffix = Date.now().toString(36);
  for (const username of [`bench-reader-${suffix}`, `bench-victim-${suffix}`]) {
    await db.prisma.user.create({ data: { username, displayName: username, role: "TEAM", passwordHash: hash } });
  }
  const server = createApp(db);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const post = (body: object, token?: string) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
  const login = await post({ query: `mutation { login(username: "bench-reader-${suffix}", password: "${PASSWORD}") { ... on LoginSuccess { token } } }` });
  const token = login.data.login.token as string;

  const timeReads = async (count: number) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      await post({ query: "{ actions { code } }" }, token);
      times.push(performance.now() - started);
    }
    return times;
  };

  await timeReads(50); // warm up
  const alone = await timeReads(300);

  // Two bursts of 50 concurrent wrong passwords, each at a fresh account (the client address is
  // blocked after 100 failures, so a third burst would cost nothing). The reader keeps reading
  // while each burst is in flight.
  const underBurst: number[] = [];
  let outcomes: Record<string, number> = {};
  let burstMs = 0;
  for (let burst = 1; burst <= 2; burst++) {
    const victim = `bench-victim-${burst}-${suffix}`;
    await db.prisma.user.create({ data: { username: victim, displayName: victim, role: "TEAM", passwordHash: hash } });
    let done = false;
    const started = performance.now();
    const attack = Promise.all(
      Array.from({ length: 50 }, () =>
        post({ query: `mutation { login(username: "${victim}", password: "wrong-guess") { __typename } }` }).then((r) => {
          const kind = r.data?.login?.__typename ?? "error";
          outcomes = { ...outcomes, [kind]: (outcomes[kind] ?? 0) + 1 };
        }),
      ),
    ).then(() => {
      done = true;
      burstMs += performance.now() - started;
    });
    while (!done) {
      const t = performance.now();
      await post({ query: "{ actions { code } }" }, token);
      underBurst.push(performance.now() - t);
    }
    await attack;
  }
  server.closeAllConnections();
  server.close();
  await db.close();
  return {
    database: db.kind === "postgres" ? 1 : 0,
    aloneP50: percentile(alone, 50),
    aloneP95: percentile(alone, 95),
    burstP50: percentile(underBurst, 50),
    burstP95: percentile(underBurst, 95),
    p50Ratio: percentile(underBurst, 50) / percentile(alone, 50),
    readsDuringBursts: underBurst.length,
    burstMsEach: burstMs / 2,
    passwordChecks: outcomes.InvalidCredentialsError ?? 0,
    refusedLocked: outcomes.AccountLockedError ?? 0,
  };
}
