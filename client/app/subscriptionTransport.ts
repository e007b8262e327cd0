// Subscriptions over server-sent events: POST /graphql with `accept: text/event-stream`, read with
// fetch. Not EventSource: it can only GET, and the server wants a CSRF header on every GET
// (a JSON POST is preflighted, so it needs none).
import type { ExecutionResult, SubscriptionForwarder } from "urql";
import { persistedOperationHash } from "./persistedOperations";

// A dropped stream (server restart, proxy timeout) is opened again after a pause that grows.
const RETRY_DELAYS_MS = [1_000, 3_000, 10_000, 30_000];

const resumedListeners = new Set<() => void>();

/**
 * Calls `listener` each time a live stream is open again after it dropped: what happened meanwhile
 * was not sent, so views read their data again. Returns the function that stops listening.
 */
export function onSubscriptionsResumed(listener: () => void): () => void {
  resumedListeners.add(listener);
  return () => resumedListeners.delete(listener);
}

export const forwardSubscriptionOverSSE: SubscriptionForwarder = (request, operation) => {
  // Sent as its hash only, like every other operation. The document itself goes along only when
  // the dev server's API does not know the hash yet (the persisted exchange marks that a miss).
  const persistedQuery = request.extensions?.persistedQuery as { miss?: boolean } | undefined;
  const body = JSON.stringify({
    operationName: request.operationName,
    variables: request.variables,
    extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperationHash(operation.query) } },
    ...(persistedQuery?.miss && request.query ? { query: request.query } : {}),
  });

  return {
    subscribe(sink) {
      const controller = new AbortController();
      let retryTimer: ReturnType<typeof setTimeout> | undefined;
      let failures = 0;
      let dropped = false;

      async function open() {
        try {
          const response = await fetch("/graphql", {
            method: "POST",
            credentials: "same-origin",
            headers: { "content-type": "application/json", accept: "text/event-stream" },
            body,
            signal: controller.signal,
          });
          const contentType = response.headers.get("content-type") ?? "";
          if (!contentType.includes("text/event-stream") || !response.body) {
            // A refused request (e.g. not signed in) comes back as one JSON result.
            sink.next((await response.json()) as ExecutionResult);
            sink.complete();
            return;
          }
          if (dropped) {
            dropped = false;
            for (const listener of resumedListeners) listener();
          }
          if (await readEvents(response.body, (result) => ((failures = 0), sink.next(result)))) {
            sink.complete();
            return;
          }
          retry();
        } catch (error) {
          if (controller.signal.aborted) return;
          if (error instanceof SyntaxError) {
            sink.error(error);
            return;
          }
          retry();
        }
      }

      function retry() {
        if (controller.signal.aborted) return;
        dropped = true;
        const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length - 1)];
        failures += 1;
        retryTimer = setTimeout(() => void open(), delay);
      }

      void open();
      return {
        unsubscribe() {
          clearTimeout(retryTimer);
          controller.abort();
        },
      };
    },
  };
};

/**
 * Reads `event: next` / `data: {…}` blocks until the stream ends; true when the server said
 * `event: complete`, false when the stream just stopped.
 */
async function readEvents(stream: ReadableStream<Uint8Array>, onResult: (result: ExecutionResult) => void): Promise<boolean> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return false;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.search(/\r?\n\r?\n/);
    while (boundary !== -1) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary).replace(/^\r?\n\r?\n/, "");
      let event = "message";
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        // Lines starting with ":" are keep-alive comments.
        if (line.startsWith("event:")) event = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
      }
      if (event === "complete") {
        await reader.cancel();
        return true;
      }
      if ((event === "next" || event === "message") && data.length > 0 && data.join("").trim()) {
        onResult(JSON.parse(data.join("\n")) as ExecutionResult);
      }
      boundary = buffer.search(/\r?\n\r?\n/);
    }
  }
}
