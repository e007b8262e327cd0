// GraphQL answers sent as UTF-8 made in pieces, never as one string of the whole answer.
//
// graphql-yoga serialises a result with JSON.stringify into one string, which the HTTP layer then
// measures (Content-Length) and encodes. An uncached board is about 75,000 characters, and since it
// holds Chinese every character takes two bytes: the string is over V8's largest ordinary object
// (128 KB), so making it flat (as measuring it does, and writing it again, joined to the header)
// puts it in pages of its own, mapped for it and unmapped after. On the virtual machines this runs on
// a page touched for the first time costs some 14 µs (160 KB mapped, touched and unmapped: 0.45–0.56
// ms), and a board took 80 page faults, 1.7 ms of system time (bench/load.ts counts them). Here the
// answer is stringified a list item at a time (a board column, a card), each piece well under that
// size, and the pieces are encoded into one buffer: under one page fault a board.
//
// graphql-yoga takes a result's own `stringify` when it has one; this one returns the bytes (a
// Buffer), which yoga hands to its Response as the body. Where yoga puts the text into a larger one
// (a batch of operations, an event stream), the Buffer reads as its UTF-8 text.
import type { ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";

/** At most this many characters are joined into a piece before it is encoded (64 KB as two-byte text). */
const PIECE_CHARACTERS = 32 * 1024;

/** A list item whose text is longer than this is stringified by its parts. */
const ITEM_CHARACTERS = 32 * 1024;

/** Collects JSON text in pieces of at most PIECE_CHARACTERS (a longer item is a piece of its own). */
class Pieces {
  private readonly done: string[] = [];
  private open = "";

  add(text: string): void {
    if (this.open.length + text.length > PIECE_CHARACTERS && this.open.length > 0) {
      this.done.push(this.open);
      this.open = "";
    }
    this.open += text;
  }

  finish(): string[] {
    if (this.open.length > 0) this.done.push(this.open);
    this.open = "";
    return this.done;
  }
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function";
}

/** A list item: whole when its text is short, else by its parts. */
function addItem(item: unknown, pieces: Pieces): void {
  const text = JSON.stringify(item) as string | undefined;
  if (text === undefined) pieces.add("null");
  else if (text.length <= ITEM_CHARACTERS || item === null || typeof item !== "object") pieces.add(text);
  else addValue(item, pieces);
}

/** A value as JSON.stringify writes it, objects and lists by their parts (their items by addItem). */
function addValue(value: unknown, pieces: Pieces): void {
  if (Array.isArray(value)) {
    pieces.add("[");
    for (let i = 0; i < value.length; i++) {
      if (i > 0) pieces.add(",");
      addItem(value[i], pieces);
    }
    pieces.add("]");
    return;
  }
  if (value === null || typeof value !== "object" || !isPlainObject(value)) {
    pieces.add(JSON.stringify(value) ?? "null");
    return;
  }
  pieces.add("{");
  let first = true;
  for (const key of Object.keys(value)) {
    const field = value[key];
    // As JSON.stringify: a field whose value has no JSON is left out.
    if (field === undefined || typeof field === "function" || typeof field === "symbol") continue;
    pieces.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    addValue(field, pieces);
  }
  pieces.add("}");
}

/** JSON.stringify(value) as UTF-8, made without a string of the whole (see above). */
export function jsonUtf8(value: unknown): Buffer {
  const pieces = new Pieces();
  addValue(value, pieces);
  const texts = pieces.finish();
  let length = 0;
  for (const text of texts) length += Buffer.byteLength(text);
  const bytes = Buffer.allocUnsafe(length);
  let at = 0;
  for (const text of texts) at += bytes.write(text, at);
  return bytes;
}

/** A result that graphql-yoga serialises with jsonUtf8 (see above for why its text is a Buffer). */
export function withUtf8Json(result: ExecutionResult, bytes: (result: ExecutionResult) => Buffer = jsonUtf8): ExecutionResult {
  return { ...result, stringify: bytes as unknown as (result: ExecutionResult) => string } as ExecutionResult;
}

/** Every single result (not a stream) is sent as jsonUtf8 makes it, unless it has a serialiser already. */
export function useUtf8JsonAnswers(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result) || Symbol.asyncIterator in result) return;
      if ((result as { stringify?: unknown }).stringify) return;
      setResult(withUtf8Json(result));
    },
  };
}
