// A real MCP client for the tests: the official TypeScript SDK over Streamable HTTP, one session, a list of steps.
//
//   node mcp-client.mjs <url> [step...]
//     steps:  list                 tools/list
//             call <name> <json>   tools/call of tool <name> with the JSON object <json> as its arguments
//             ping                 ping
//   MCP_BEARER_TOKEN   when set, every request carries "Authorization: Bearer <token>" (an environment variable, not
//                      an argument, so the token does not show in process listings)
//
// It prints one JSON line per step to stdout, in order, and goes on after a failed step, so a test sees whether the
// session is still usable after an error:
//   {"step":"initialize","ok":true,"sessionId":"...","protocolVersion":"...","serverInfo":{...},"capabilities":{...}}
//   {"step":"tools/list","ok":true,"result":{"tools":[...]}}
//   {"step":"tools/call","name":"x","ok":false,"error":{"code":-32001,"message":"...","data":...}}
//   {"step":"close","ok":true}
// An error is a JSON-RPC error ("code"), or a failure of the HTTP transport ("http": the status, or -1 when the answer
// was not MCP, e.g. the wrong content type).
// Exit code: 0 when every step ran (whatever their results), 1 when initialize failed, 2 for bad usage.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { McpError } from '@modelcontextprotocol/sdk/types.js';

const RequestTimeoutMs = 15000;

function usage(message) {
  process.stderr.write(`${message}\nusage: node mcp-client.mjs <url> [list | call <name> <json-arguments> | ping]...\n`);
  process.exit(2);
}

function parseSteps(args) {
  const steps = [];
  for (let i = 0; i < args.length; i++) {
    const kind = args[i];
    if (kind === 'list' || kind === 'ping') {
      steps.push({ kind });
    } else if (kind === 'call') {
      const name = args[i + 1];
      const json = args[i + 2];
      if (name === undefined || json === undefined) usage('call needs a tool name and a JSON object of arguments');
      let toolArguments;
      try {
        toolArguments = JSON.parse(json);
      } catch (e) {
        usage(`the arguments of ${name} are not JSON: ${e.message}`);
      }
      steps.push({ kind, name, arguments: toolArguments });
      i += 2;
    } else {
      usage(`unknown step "${kind}"`);
    }
  }
  return steps;
}

function describeError(error) {
  if (error instanceof McpError) {
    const prefix = `MCP error ${error.code}: `;
    const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
    return { code: error.code, message, ...(error.data === undefined ? {} : { data: error.data }) };
  }
  if (error instanceof StreamableHTTPError) {
    return { http: error.code ?? null, message: error.message };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

function print(line) {
  process.stdout.write(JSON.stringify(line) + '\n');
}

async function run(step, client) {
  const options = { timeout: RequestTimeoutMs };
  switch (step.kind) {
    case 'list':
      return { step: 'tools/list', result: await client.listTools(undefined, options) };
    case 'ping':
      return { step: 'ping', result: await client.ping(options) };
    case 'call':
      return {
        step: 'tools/call',
        name: step.name,
        result: await client.callTool({ name: step.name, arguments: step.arguments }, undefined, options),
      };
    default:
      throw new Error(`unknown step ${step.kind}`);
  }
}

const [url, ...rest] = process.argv.slice(2);
if (!url) usage('missing url');
let endpoint;
try {
  endpoint = new URL(url);
} catch {
  usage(`not a URL: ${url}`);
}
const steps = parseSteps(rest);

const headers = {};
if (process.env.MCP_BEARER_TOKEN) headers.Authorization = `Bearer ${process.env.MCP_BEARER_TOKEN}`;
const transport = new StreamableHTTPClientTransport(endpoint, { requestInit: { headers } });
const client = new Client({ name: 'portcullis-test-client', version: '1.0.0' });

try {
  await client.connect(transport, { timeout: RequestTimeoutMs });
} catch (error) {
  print({ step: 'initialize', ok: false, error: describeError(error) });
  // Exit now: closing a transport whose handshake failed need not settle.
  process.exit(1);
}
print({
  step: 'initialize',
  ok: true,
  sessionId: transport.sessionId ?? null,
  protocolVersion: transport.protocolVersion ?? null,
  serverInfo: client.getServerVersion(),
  capabilities: client.getServerCapabilities(),
});

for (const step of steps) {
  try {
    const { result, ...line } = await run(step, client);
    print({ ...line, ok: true, result });
  } catch (error) {
    print({ step: step.kind === 'list' ? 'tools/list' : step.kind === 'call' ? 'tools/call' : step.kind,
      ...(step.name === undefined ? {} : { name: step.name }), ok: false, error: describeError(error) });
  }
}

// Ends the session on the server (DELETE) where the server keeps sessions; a refusal is reported, not fatal.
try {
  if (transport.sessionId) await transport.terminateSession();
  print({ step: 'close', ok: true });
} catch (error) {
  print({ step: 'close', ok: false, error: describeError(error) });
}
await client.close().catch(() => {});
// Pooled keep-alive connections would hold the event loop open for a few seconds more.
process.exit(0);
