// Whether a Redis server answers, for tests and benchmarks that need one (tests skip, or fail under
// TUIJIN_TEST_REQUIRE_REDIS=1, without it).
import { Redis } from "ioredis";

export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
