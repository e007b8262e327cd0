// Persisted operations: the web client's documents are accepted by their hash, and a setting makes
// the server refuse every other document.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadPersistedOperations } from "../server/app.js";
import { startTestServer, type TestServer } from "./support/server.js";

const documents = JSON.parse(readFileSync(new URL("../dist/persisted-operations.json", import.meta.url), "utf8")) as Record<string, string>;
const hashOf = (operation: string) => {
  const found = Object.entries(documents).find(([, text]) => new RegExp(`^(query|mutation) ${operation}\\b`).test(text));
  if (!found) throw new Error(`no persisted operation ${operation}`);
  return found[0];
};

async function byHash(server: TestServer, hash: string, variables: object, token?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

it("the client build lists every operation of the web client by its SHA-256", () => {
  expect(Object.keys(documents).length).toBeGreaterThanOrEqual(7);
  for (const [hash, text] of Object.entries(documents)) {
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toMatch(/^(query|mutation|subscription) [A-Z]/);
  }
  const js = readFileSync(new URL("../dist/client/index.html", import.meta.url), "utf8");
  const bundle = /src="\/assets\/(index-[^"]+\.js)"/.exec(js)![1]!;
  // The entry and the chunks it imports statically (with several lazy pages the bundler moves the
  // code they share with the entry into a common chunk): what the first page loads.
  const read = (file: string) => readFileSync(new URL(`../dist/client/assets/${file}`, import.meta.url), "utf8");
  const entry = read(bundle);
  const imported = [...entry.matchAll(/from\s*"\.\/([^"]+\.js)"/g)].map((m) => read(m[1]!));
  expect([entry, ...imported].join("\n")).toContain(hashOf("Actions"));
});

describe("by default (development)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ persistedOperations: loadPersistedOperations(false) });
  });
  afterAll(() => server?.close());

  it("answers the client's operations by hash, and arbitrary documents too", async () => {
    const token = await server.signIn("po-team", "TEAM");
    const actions = await byHash(server, hashOf("Actions"), {}, token);
    expect(actions.errors).toBeUndefined();
    expect(actions.data.actions).toHaveLength(5);
    const arbitrary = await server.gql(`{ actions { code } }`, {}, token);
    expect(arbitrary.data.actions).toHaveLength(5);
  });

  it("accepts every query and mutation of the client within its cost, depth and alias limits", async () => {
    const token = await server.signIn("po-limits", "OFFICE");
    // (Logout would end the session the others use.)
    const operations = Object.entries(documents).filter(([, text]) => !/^(subscription|mutation Logout\b)/.test(text));
    expect(operations.length).toBeGreaterThanOrEqual(9);
    for (const [hash, text] of operations) {
      // Without variables an operation that needs some stops after validation, at its variables.
      const result = await byHash(server, hash, {}, token);
      const refusals = (result.errors ?? []).filter((error) => !/^Variable "\$\w+" of required type/.test(error.message));
      expect({ operation: text.slice(0, text.indexOf("(") > 0 ? text.indexOf("(") : 40), refusals }).toEqual({
        operation: expect.any(String),
        refusals: [],
      });
    }
  });
});

describe("with PERSISTED_OPERATIONS_ONLY", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ persistedOperations: loadPersistedOperations(true) });
  });
  afterAll(() => server?.close());

  it("refuses any document it does not know, and unknown hashes, with a clear error", async () => {
    const login = await byHash(server, hashOf("Login"), { username: "nobody", password: "wrong-password" });
    expect(login.data.login.__typename).toBe("InvalidCredentialsError");
    const arbitrary = await server.gql(`{ actions { code } }`);
    expect(arbitrary.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
    const unknown = await byHash(server, "0".repeat(64), {});
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } });
    expect(unknown.errors?.[0]?.message).toContain("刷新页面");
  });
});
