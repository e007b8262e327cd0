// The urql client: POST /graphql with the session cookie, a normalised cache, and a hook that
// ends the session when the server says the user is no longer signed in.
import { cacheExchange } from "@urql/exchange-graphcache";
import { Client, fetchExchange, mapExchange } from "urql";
import { cacheConfig } from "./cache";
import { hasErrorCode } from "./errors";

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
      fetchExchange,
    ],
  });
}
