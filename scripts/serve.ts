// The production server's entry: `npm start` builds it (scripts/build-server.ts) into
// dist/server/serve.js and runs that with plain node. Not through tsx: its loader runs in a second
// V8 isolate and keeps every transformed source, about 100 MB of the server's memory.
// NODE_ENV is set before anything else is loaded, since some packages read it as they load
// (graphql's development checks), hence the dynamic import.
process.env.NODE_ENV ??= "production";
await import("../server/index.js");

export {};
