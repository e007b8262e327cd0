// The HTTP surface: health check, GraphQL over GET and POST, the web client at /.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe("http", () => {
  it("answers /healthz with 200 while the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("speaks GraphQL over GET and POST with the graphql-response media type", async () => {
    const token = await server.signIn("http-team", "TEAM");
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ actions { code } }")}`, {
      headers: { accept: "application/graphql-response+json", authorization: `Bearer ${token}`, "x-tuijin-csrf": "1" },
    });
    expect(get.status).toBe(200);
    expect(get.headers.get("content-type")).toContain("application/graphql-response+json");
    expect(((await get.json()) as any).data.actions).toHaveLength(5);
    const post = await server.gql(`{ actions { code } }`, {}, token);
    expect(post.data.actions).toHaveLength(5);
    expect(post.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses malformed requests with a GraphQL error and a code", async () => {
    const syntax = await server.gql(`{ actions { code `);
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    const unknownField = await server.gql(`{ nope }`);
    expect(unknownField.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const notJson = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(notJson.status).toBe(400);
  });

  it("serves the web client at / and for client-side routes", async () => {
    const root = await fetch(`${server.url}/`);
    const deep = await fetch(`${server.url}/boards/2`);
    for (const response of [root, deep]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(await response.text()).toContain("<div id=\"root\">");
    }
  });
});

describe("http without a database", () => {
  it("answers /healthz with 503 when the database does not answer", async () => {
    const broken = await startTestServer();
    await broken.db.close();
    const response = await fetch(`${broken.url}/healthz`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as any).status).toBe("unavailable");
    // A query fails with a masked error whose request id is the response's, for the log to be found.
    const failed = await broken.gql(`mutation { login(username: "x", password: "y") { __typename } }`);
    expect(failed.errors?.[0]?.message).toBe("Unexpected error.");
    expect(failed.errors?.[0]?.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: failed.headers.get("x-request-id") });
    await broken.close().catch(() => {});
  });
});

describe("GraphiQL", () => {
  it("is served to a browser, whole, with nothing loaded from elsewhere", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("推进 · GraphQL");
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?https?:/i);
    expect(response.headers.get("content-security-policy")).toContain("worker-src 'self' blob:");
  });
});

describe("static files", () => {
  it("refuses a malformed path and never serves files outside the client", async () => {
    expect((await fetch(`${server.url}/%E0%A4%A`)).status).toBe(400);
    const escape = await fetch(`${server.url}/..%2F..%2Fpackage.json`);
    expect(await escape.text()).not.toContain('"name": "tuijin"');
  });
});

describe("compression", () => {
  it("gzips GraphQL answers and the client's files for clients that accept it, but not small answers or live streams", async () => {
    const token = await server.signIn("http-gzip", "TEAM");
    const headers = { "content-type": "application/json", authorization: `Bearer ${token}`, "accept-encoding": "gzip" };
    const post = (query: string) => fetch(`${server.url}/graphql`, { method: "POST", headers, body: JSON.stringify({ query }) });

    // The indicators with their measures: several KB of JSON.
    const large = await post(`{ indicators { code name measures { label unit baseline target } } }`);
    expect(large.headers.get("content-encoding")).toBe("gzip");
    expect(((await large.json()) as any).data.indicators).toHaveLength(22);
    const small = await post(`{ actions { code } }`);
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(((await small.json()) as any).data.actions).toHaveLength(5);

    const html = await (await fetch(`${server.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
    const asset = await fetch(`${server.url}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(asset.headers.get("content-encoding")).toBe("gzip");
    expect((await asset.text()).length).toBeGreaterThan(10_000);

    const stream = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { ...headers, accept: "text/event-stream" },
      body: JSON.stringify({ query: `subscription { boardChanged(actionCode: 2) { action } }` }),
    });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    // Yoga marks the stream "content-encoding: none" so that proxies leave it alone too.
    expect(stream.headers.get("content-encoding") ?? "none").toBe("none");
    await stream.body?.cancel();
  });
});
