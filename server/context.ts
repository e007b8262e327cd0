// What every resolver receives: the database, the signed-in user (or null) and the request's id.
import type { PrismaClient, Role } from "@prisma/client";
import type { Database } from "./db/client.js";
import type { TokenSigner } from "./modules/auth/tokens.js";
import type { BoardPubSub } from "./pubsub.js";

export interface Viewer {
  userId: number;
  username: string;
  role: Role;
  unitId: number | null;
  sessionId: string;
}

export interface Context {
  db: Database;
  prisma: PrismaClient;
  pubsub: BoardPubSub;
  tokens: TokenSigner;
  viewer: Viewer | null;
  requestId: string;
  clientAddr: string;
  /** Set-Cookie values to send with the response (the web client's session cookie). */
  responseCookies: string[];
  /** Whether cookies get the Secure flag (the request came over HTTPS). */
  secureCookies: boolean;
}

/** Who makes a change, and in which request: recorded with every audit event. */
export interface Actor {
  viewer: Viewer;
  requestId: string;
}

/** The acting user of a resolver that requires a signed-in user (the schema guarantees one). */
export function actorOf(context: Context): Actor {
  if (!context.viewer) throw new Error("a signed-in user is required here");
  return { viewer: context.viewer, requestId: context.requestId };
}
