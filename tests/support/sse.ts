// A GraphQL subscription over server-sent events, as a browser's EventSource would receive it.
export interface Subscription {
  /** The next `next` event's payload, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<any>;
  close(): void;
}

export async function subscribe(url: string, token: string, query: string, variables: object): Promise<Subscription> {
  const controller = new AbortController();
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`subscription refused: ${response.status} ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const queued: any[] = [];
  const waiting: ((event: any) => void)[] = [];
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n");
          const event = lines.find((l) => l.startsWith("event:"))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim()).join("\n");
          if (event !== "next" || !data) continue;
          const payload = JSON.parse(data);
          const waiter = waiting.shift();
          if (waiter) waiter(payload);
          else queued.push(payload);
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    next(timeoutMs = 5000) {
      const ready = queued.shift();
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve, reject) => {
        const waiter = (event: any) => {
          clearTimeout(timer);
          resolve(event);
        };
        // A waiter that gave up must not take the next event.
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(new Error(`no event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(waiter);
      });
    },
    close: () => controller.abort(),
  };
}
