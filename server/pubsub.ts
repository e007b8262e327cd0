// Live board events. In one process they stay in memory; with REDIS_URL they cross processes through
// Redis, so a board open on one server process sees moves made through another. A Redis outage only
// degrades live updates: publishing never fails a write.
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import { Redis } from "ioredis";
import { log } from "./log.js";

export interface BoardEvent {
  projectId: number;
  /** What happened: project.move, project.update, progress-report.submit, … */
  action: string;
  at: string;
}

export type BoardPubSub = ReturnType<typeof createPubSub<{ "board:changed": [actionId: number, event: BoardEvent] }>>;

export interface LiveEvents {
  pubsub: BoardPubSub;
  close(): Promise<void>;
}

export function createLiveEvents(redisUrl?: string): LiveEvents {
  if (!redisUrl) {
    return { pubsub: createPubSub<{ "board:changed": [number, BoardEvent] }>(), close: async () => {} };
  }
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const publisher = new Redis(redisUrl, options);
  const subscriber = new Redis(redisUrl, { ...options, enableOfflineQueue: true });
  for (const [name, client] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
    client.on("error", (error: Error) => log.warn("redis unavailable: live updates degraded", { client: name, message: error.message }));
  }
  const publishClient = {
    publish: (channel: string, message: string) =>
      publisher.publish(channel, message).catch((error: Error) => {
        log.warn("live update not sent", { channel, message: error.message });
        return 0;
      }),
  } as unknown as Redis;
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient: subscriber });
  return {
    pubsub: createPubSub<{ "board:changed": [number, BoardEvent] }>({ eventTarget }),
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
