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
  // Publishing fails at once while Redis is down (the write it follows has committed; the event is lost).
  const publisher = new Redis(redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Subscribing waits for Redis to return (boards opened meanwhile get live updates from then on).
  const subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null, enableOfflineQueue: true });
  for (const [name, client] of [["publisher", publisher], ["subscriber", subscriber]] as const) {
    client.on("error", (error: Error) => log.warn("redis unavailable: live updates degraded", { client: name, message: error.message }));
  }
  // The event target neither awaits nor catches the commands it sends: a rejection would be unhandled
  // and end the process. Each failure is logged instead.
  const logged = (what: string, channel: string) => (error: Error) => {
    log.warn(what, { channel, message: error.message });
    return 0;
  };
  const publishClient = {
    publish: (channel: string, message: string) => publisher.publish(channel, message).catch(logged("live update not sent", channel)),
  } as unknown as Redis;
  const subscribeClient = {
    on: (event: "message", listener: (channel: string, message: string) => void) => subscriber.on(event, listener),
    subscribe: (channel: string) => subscriber.subscribe(channel).catch(logged("live updates not subscribed", channel)),
    unsubscribe: (channel: string) => subscriber.unsubscribe(channel).catch(logged("live updates not unsubscribed", channel)),
  } as unknown as Redis;
  const eventTarget = createRedisEventTarget({ publishClient, subscribeClient });
  return {
    pubsub: createPubSub<{ "board:changed": [number, BoardEvent] }>({ eventTarget }),
    async close() {
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
