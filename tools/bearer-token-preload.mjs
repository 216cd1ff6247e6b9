// Preloaded into a Node program that has no option for request headers (the MCP conformance suite), so that its HTTP
// requests can pass an authenticating gateway:
//
//   BEARER_TOKEN=<token> BEARER_ORIGIN=http://127.0.0.1:8080 node --import ./bearer-token-preload.mjs program.js ...
//
// Every request the program makes to BEARER_ORIGIN (scheme, host and port) gets "Authorization: Bearer <token>";
// requests elsewhere are untouched. It hooks undici's `undici:request:create` diagnostics channel, which both Node's
// built-in fetch and the undici package publish to, so the request is changed where it is created: no proxy, no other
// header touched, nothing else in the program's behaviour changed. The token comes from the environment, not the
// command line, so it does not show in process listings.
import diagnosticsChannel from 'node:diagnostics_channel';

const token = process.env.BEARER_TOKEN;
const origin = process.env.BEARER_ORIGIN;
if (!token || !origin) {
  process.stderr.write('bearer-token-preload.mjs: set BEARER_TOKEN and BEARER_ORIGIN\n');
  process.exit(2);
}
const target = new URL(origin).origin;

function originOf(value) {
  try {
    return new URL(String(value)).origin;
  } catch {
    return null;
  }
}

diagnosticsChannel.subscribe('undici:request:create', ({ request }) => {
  if (originOf(request.origin) === target) request.addHeader('authorization', `Bearer ${token}`);
});
