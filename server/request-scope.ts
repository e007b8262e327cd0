// The request a piece of code runs for: its id (sent back as x-request-id, written in every log line
// about it and in its audit events), available anywhere below the HTTP handler without threading it.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const scope = new AsyncLocalStorage<{ requestId: string }>();

/** A client may name its request (x-request-id) so its logs and ours line up; otherwise a new id. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
}

export function inRequest<T>(requestId: string, fn: () => T): T {
  return scope.run({ requestId }, fn);
}

export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
