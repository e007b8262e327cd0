// The request a piece of work is done for: its id, sent back as x-request-id, written in every log line
// about it and in its audit events. It travels explicitly (app.ts → yoga's server context → the
// resolvers' context), not in an AsyncLocalStorage: on Node 20 one of those turns on a hook for every
// promise in the process, which cost a fifth of an uncached board's CPU.
import { randomUUID } from "node:crypto";

/** A client may name its request (x-request-id) so its logs and ours line up; otherwise a new id. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && /^[A-Za-z0-9._:-]{8,64}$/.test(given) ? given : randomUUID();
}

// Error masking (yoga.ts) sees an error but not its request: errors are marked with their request's
// id on the way out of the context factory and of execution, before they are masked.
const requestOfError = new WeakMap<object, string>();

/** Marks an error (and the error it wraps, if any) as raised in the request with this id. */
export function markRequest(error: unknown, requestId: string): void {
  if (typeof error !== "object" || error === null) return;
  requestOfError.set(error, requestId);
  const original = (error as { originalError?: unknown }).originalError;
  if (typeof original === "object" && original !== null) requestOfError.set(original, requestId);
}

/** `work`, its failure marked with the request's id: for work of a request outside its execution. */
export function markingFailure<T>(requestId: string, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    markRequest(error, requestId);
    throw error;
  });
}

/** The id of the request an error was marked with, if it was. */
export function requestIdOf(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const original = (error as { originalError?: unknown }).originalError;
  return requestOfError.get(error) ?? (typeof original === "object" && original !== null ? requestOfError.get(original) : undefined);
}
