// How many GraphQL requests execute at once; the others wait their turn, first come first served.
//
// One process has one thread. Fifty boards executing at once each keep their rows, results and
// promises alive fifty times longer than one at a time would, so the young generation fills with
// live objects that the garbage collector copies and then promotes. With four at a time (and a
// larger young generation: scripts/serve.ts) an uncached board cost a third less CPU in the
// benchmark; a few at a time still overlap their database round trips, finish sooner each, and hold
// less memory. A request enters once its body has arrived (a slow client never holds a place), and
// leaves when its answer is sent or its client goes away.
// Subscriptions (server-sent events) stay open for as long as their client listens; they do not
// queue here.
import type http from "node:http";

export interface Admission {
  /**
   * Runs `execute` once fewer than the limit are executing; it holds its place until `res` ends.
   * Settles when the execution has (at once when the client went away before its turn).
   */
  admit(res: http.ServerResponse, execute: () => Promise<unknown>): Promise<void>;
}

export function admission(limit: number): Admission {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`the number of GraphQL requests executing at once must be a whole number from 1, not ${limit}`);
  let active = 0;
  const queue = new Set<() => void>();

  const next = () => {
    for (const start of queue) {
      queue.delete(start);
      start();
      return;
    }
  };

  return {
    admit(res, execute) {
      return new Promise((settle) => {
        const start = () => {
          // Gone meanwhile (while its body arrived, or while it waited): nothing to execute.
          if (res.closed) {
            settle();
            return next();
          }
          active += 1;
          // 'close' follows 'finish', and comes alone when the client goes away first.
          res.once("close", () => {
            active -= 1;
            next();
          });
          execute().then(() => settle(), () => settle());
        };
        if (active < limit) return start();
        queue.add(start);
        // A client that gives up while waiting takes its place in the queue with it.
        res.once("close", () => {
          if (queue.delete(start)) settle();
        });
      });
    },
  };
}

/**
 * The whole body of a request. Node's parser reads no more than its Content-Length, which the caller
 * has held to the request limit (a body without one is refused before: app.ts).
 */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("the client went away before sending its whole body"));
    });
  });
}
