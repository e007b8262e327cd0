// Abusive requests get a clear error within a second and leave the server healthy; strangers learn
// nothing of the schema; responses carry security headers; cross-site GETs are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await server.signIn("hard-team", "TEAM");
});
afterAll(() => server?.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const started = Date.now();
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json", authorization: `Bearer ${token}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: Date.now() - started };
}

async function healthy() {
  const response = await fetch(`${server.url}/healthz`);
  expect(response.status).toBe(200);
  const { data } = await server.gql(`{ actions { code } }`, {}, token);
  expect(data.actions).toHaveLength(5);
}

describe("abusive requests", () => {
  it("refuses a document 50 levels deep", async () => {
    const fields = ["actions", ...Array.from({ length: 49 }, (_, i) => (i % 2 === 0 ? "subTasks" : "action"))];
    const deep = `{ ${fields.reduceRight((inner, field) => `${field} { ${inner} }`, "code")} }`;
    const result = await post(JSON.stringify({ query: deep }));
    expect(result.ms).toBeLessThan(1000);
    expect(result.text).toMatch(/(depth|cost) limit/i);
    expect(JSON.parse(result.text).data ?? null).toBeNull();
    await healthy();
  });

  it("refuses 10,000 aliases", async () => {
    const aliases = Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(" ");
    const result = await post(JSON.stringify({ query: `{ ${aliases} }` }));
    expect(result.ms).toBeLessThan(1000);
    expect(result.text).toMatch(/token limit|aliases limit/i);
    expect(result.status).toBe(400);
    await healthy();
  });

  it("refuses a 5 MB body before reading it", async () => {
    const result = await post(JSON.stringify({ query: "{ actions { code } }", variables: { x: "x".repeat(5 * 1024 * 1024) } }));
    expect(result.ms).toBeLessThan(1000);
    expect(result.status).toBe(413);
    expect(JSON.parse(result.text).errors[0].message).toContain("请求体不能超过");
    await healthy();
  });

  it("refuses a batch of 1,000 operations", async () => {
    const batch = JSON.stringify(Array.from({ length: 1000 }, () => ({ query: "{ __typename }" })));
    const result = await post(batch);
    expect(result.ms).toBeLessThan(1000);
    expect(result.status).toBe(413);
    expect(result.text).toMatch(/batching is limited to 10/i);
    await healthy();
  });

  it("answers a small batch", async () => {
    const result = await post(JSON.stringify([{ query: "{ actions { code } }" }, { query: "{ viewer { username } }" }]));
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toHaveLength(2);
  });
});

describe("the schema stays private", () => {
  it("refuses introspection to strangers and allows it to signed-in users", async () => {
    const query = `{ __schema { queryType { name } } }`;
    const stranger = await server.gql(query);
    expect(stranger.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(stranger.data?.__schema ?? null).toBeNull();
    const member = await server.gql(query, {}, token);
    expect(member.data.__schema.queryType.name).toBe("Query");
  });

  it("gives no field suggestions", async () => {
    const { errors } = await server.gql(`{ actoins { code } }`, {}, token);
    expect(errors?.[0]?.message).not.toMatch(/did you mean/i);
  });
});

describe("http defences", () => {
  it("refuses a GET without the CSRF header, as a cross-site request would be", async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ __typename }")}`);
    expect(response.status).toBe(403);
  });

  it("sends security headers with every response", async () => {
    for (const path of ["/", "/graphql", "/healthz"]) {
      const response = await fetch(`${server.url}${path}`, { method: path === "/graphql" ? "POST" : "GET", headers: { "content-type": "application/json" }, body: path === "/graphql" ? "{}" : undefined });
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("DENY");
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
    }
  });
});
