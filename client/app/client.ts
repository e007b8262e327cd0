// The urql client: POST /graphql with the session cookie, a normalised cache, and a hook that
// ends the session when the server says the user is no longer signed in.
import { cacheExchange } from "@urql/exchange-graphcache";
import { persistedExchange } from "@urql/exchange-persisted";
import { Client, fetchExchange, mapExchange, subscriptionExchange } from "urql";
import { cacheConfig } from "./cache";
import { hasErrorCode } from "./errors";
import { persistedOperationHash } from "./persistedOperations";
import { forwardSubscriptionOverSSE } from "./subscriptionTransport";

export function createUrqlClient(options: { onUnauthenticated: () => void }): Client {
  let unauthenticated = false;
  return new Client({
    url: "/graphql",
    // The server sets the httpOnly `tuijin_session` cookie on `login`; the browser sends it back.
    fetchOptions: { credentials: "same-origin" },
    // Queries go as POST too: no session-bearing GETs, and nothing lands in access logs' URLs.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error) {
          // Several queries fail at once when a session expires; end it only once.
          if (!unauthenticated && hasErrorCode(error, "UNAUTHENTICATED")) {
            unauthenticated = true;
            options.onUnauthenticated();
          }
        },
      }),
      cacheExchange(cacheConfig),
      // Every operation goes as the hash of its document only; the server knows the documents.
      persistedExchange({
        // A production build sends hashes only; the dev server falls back to the document when the
        // API does not know a hash yet (its dist/persisted-operations.json is older than the code).
        enforcePersistedQueries: import.meta.env.PROD,
        enableForMutation: true,
        enableForSubscriptions: true,
        preferGetForPersistedQueries: false,
        generateHash: async (_query, document) => persistedOperationHash(document),
      }),
      // Live board updates (boardChanged) as server-sent events; queries and mutations go on to fetch.
      subscriptionExchange({ forwardSubscription: forwardSubscriptionOverSSE }),
      fetchExchange,
    ],
  });
}
