// A real Tuijin server for one test file: its own database (a clone of the migrated template on
// PostgreSQL, or a fresh embedded database), listening on a free port, spoken to over HTTP.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Role } from "@prisma/client";
import { inject } from "vitest";
import { createApp, type AppOptions } from "../../server/app.js";
import { openDatabase, type Database } from "../../server/db/client.js";
import { migrate } from "../../server/db/migrate.js";
import { hashPassword } from "../../server/modules/auth/password.js";
import { seedReference } from "../../seeds/reference.js";
import { adminQuery, databaseUrl } from "./database.js";

export const PASSWORD = "test-password-1";

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; requestId?: string } }[];
  /** SQL statements the server issued for this request. */
  statements: number;
}

export interface TestServer {
  url: string;
  db: Database;
  kind: "postgres" | "embedded";
  /** postgresql://… of this test's database; undefined on the embedded database (in memory). */
  databaseUrl: string | undefined;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Creates a user (with a unit, for owners) and signs in; returns the bearer token. */
  signIn(username: string, role: Role, unitCode?: string): Promise<string>;
  /** Creates users with PASSWORD (hashed once for all of them), without signing in. */
  createUsers(users: { username: string; role: Role; unitCode?: string }[]): Promise<void>;
  close(): Promise<void>;
}

async function openTestDatabase(givenUrl?: string): Promise<{ db: Database; url?: string; drop: () => Promise<void> }> {
  if (givenUrl) {
    const db = await openDatabase({ url: givenUrl, poolSize: 10 });
    await migrate(db.sql);
    await seedReference(db.prisma);
    return { db, url: givenUrl, drop: async () => {} };
  }
  const postgres = inject("postgres");
  if (!postgres) {
    const db = await openDatabase({ memory: true });
    await migrate(db.sql);
    await seedReference(db.prisma);
    return { db, drop: async () => {} };
  }
  const name = `tuijin_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(postgres.adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${postgres.template}"`);
  const url = databaseUrl(postgres.adminUrl, name);
  const db = await openDatabase({ url, poolSize: 10 });
  return {
    db,
    url,
    drop: () => adminQuery(postgres.adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Creates users with PASSWORD (hashed once for all of them) in a database. */
export async function createUsersIn(db: Database, users: { username: string; role: Role; unitCode?: string }[]): Promise<void> {
  const passwordHash = await hashPassword(PASSWORD);
  for (const { username, role, unitCode } of users) {
    const unit = unitCode ? await db.prisma.unit.findUniqueOrThrow({ where: { code: unitCode } }) : null;
    await db.prisma.user.create({ data: { username, displayName: username, role, unitId: unit?.id ?? null, passwordHash } });
  }
}

/** Signs in with PASSWORD through the login mutation of the server at `url`; returns the bearer token. */
export async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { __typename ... on LoginSuccess { token } } }`,
      variables: { u: username, p: PASSWORD },
    }),
  });
  const result = (await response.json()) as { data?: { login?: { token?: unknown } } };
  const token = result.data?.login?.token;
  if (typeof token !== "string") throw new Error(`sign-in failed for ${username}: ${JSON.stringify(result)}`);
  return token;
}

export interface TestServerOptions extends AppOptions {
  /** An empty PostgreSQL database to migrate and use (a private cluster's), instead of a clone of the template. */
  databaseUrl?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { databaseUrl: givenUrl, ...appOptions } = options;
  const { db, url: dbUrl, drop } = await openTestDatabase(givenUrl);
  const server = createApp(db, { statementHeader: true, ...appOptions });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const gql: TestServer["gql"] = async (query, variables, token) => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: GraphQLResponse["errors"] };
    return {
      status: response.status,
      headers: response.headers,
      data: body.data,
      errors: body.errors,
      statements: Number(response.headers.get("x-sql-statements")),
    };
  };

  const createUsers: TestServer["createUsers"] = (users) => createUsersIn(db, users);

  const signIn: TestServer["signIn"] = async (username, role, unitCode) => {
    await createUsers([{ username, role, unitCode }]);
    return login(url, username);
  };

  return {
    url,
    db,
    kind: db.kind,
    databaseUrl: dbUrl,
    gql,
    signIn,
    createUsers,
    async close() {
      // The test's database goes even when the server or the pool fails to close.
      try {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await db.close();
      } finally {
        await drop();
      }
    },
  };
}
