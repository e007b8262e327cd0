// Session tokens: 32 random bytes and an HMAC-SHA256 signature over them. A forged or mangled token
// is refused by its signature, before any database lookup; a genuine one is then looked up by its
// SHA-256 (never stored as is), which is what makes sessions revocable. Leaking the sessions table
// reveals no usable token; leaking the secret alone forges none that the table knows.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface TokenSigner {
  issue(): string;
  verify(token: string): boolean;
}

export function createTokenSigner(secret: Buffer): TokenSigner {
  const sign = (body: string) => createHmac("sha256", secret).update(body).digest("base64url");
  return {
    issue() {
      const body = randomBytes(32).toString("base64url");
      return `${body}.${sign(body)}`;
    },
    verify(token) {
      const [body, signature, extra] = token.split(".");
      if (!body || !signature || extra !== undefined || body.length !== 43) return false;
      const expected = Buffer.from(sign(body));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * SESSION_SECRET (at least 32 characters) when set, shared by every server process; else a secret
 * kept in DATA_DIR/session-secret (created on first start, readable by the owner only).
 */
export function loadSessionSecret(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  const fromEnv = env.SESSION_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters");
    return Buffer.from(fromEnv);
  }
  const file = path.join(dataDir, "session-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return Buffer.from(readFileSync(file, "utf8").trim());
}
