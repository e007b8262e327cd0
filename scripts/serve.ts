// The production server's entry: `npm start` builds it (scripts/build-server.ts) into
// dist/server/serve.js and runs that with plain node. Not through tsx: its loader runs in a second
// V8 isolate and keeps every transformed source, about 100 MB of the server's memory.
import { setFlagsFromString } from "node:v8";

// Under load most of the heap is garbage: each answer is serialised into a large string (a board is
// about 80 KB of JSON), and V8 lets the heap grow up to several times its live size before a full
// collection. A fixed growth of 20% above the live size after each one kept the server under 250 MB
// during 50 concurrent board reads (over 320 MB without), for a GC cost within the noise of the
// measurements (bench: about 0.6 ms a request either way). Unlike --max-old-space-size it sets no
// ceiling: a large export still gets the memory it needs. Set here rather than on the command line so
// that every way of starting the server (npm start, the cluster's workers, benchmarks) has it; V8
// reads it at each collection, and ignores it should a future version not know it.
setFlagsFromString("--heap-growing-percent=20");
// The young generation's size, by contrast, is fixed when V8 starts, so it is a flag of package.json's
// start script (--max-semi-space-size=32, against 16 MB by default): an uncached board allocates
// several MB, and with the default most of a request's garbage was collected while its objects were
// still alive, copied and promoted; with 32 MB and GRAPHQL_CONCURRENCY's few requests at once
// (server/admission.ts), a board cost a third less CPU at a lower RSS (bench/load.ts).
// Stack traces in the logs point at the TypeScript sources (the bundle's source maps).
process.setSourceMapsEnabled(true);

// NODE_ENV is set before anything else is loaded, since some packages read it as they load
// (graphql's development checks), hence the dynamic import.
process.env.NODE_ENV ??= "production";
await import("../server/index.js");
