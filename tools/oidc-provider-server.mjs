// A real OpenID provider (npm oidc-provider) for the gateway's end-to-end tests in tests/Portcullis.FunctionalTests
// (Oidc/, Gateway/, and the MCP clients through the gateway in Mcp/Gateway/).
// Usage: node tools/oidc-provider-server.mjs <port> [client_id] [client_secret]
// Serves issuer http://127.0.0.1:<port> (discovery, JWKS, token endpoint). The client may use the client_credentials
// grant with a `resource` parameter (RFC 8707); the access token is then an RS256 JWT with typ at+jwt (RFC 9068) whose
// aud is the resource and whose scope is what was asked among "read write".
// OIDC_EXTRA_CLIENTS (environment, optional): a JSON array of further client-credentials clients,
//   [{"client_id": "analyst-agent", "client_secret": "...", "claims": {"roles": ["analyst"], "amr": ["hwk"]}}].
//   A client's claims are added to every access token it gets (oidc-provider's extraTokenClaims), as an identity
//   provider adds attributes from its directory; they cannot replace the registered claims (sub, iss, aud, client_id,
//   scope, exp, ...): the sub of a client-credentials token stays the client id.
// POST /admin/rotate-keys (loopback only, test use) makes a new RSA key the signing key, keeps the previous one
// published for one rotation, and answers {"kid": "<new kid>"}.
// Prints "READY <issuer>" on stdout once it listens; stops on SIGTERM/SIGINT (the test kills it by process id).
import { createServer } from "node:http";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import Provider from "oidc-provider";

const [portArg, clientId = "portcullis-test", clientSecret = "portcullis-test-secret"] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error("usage: node tools/oidc-provider-server.mjs <port> [client_id] [client_secret]");
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

function readExtraClients(text) {
  if (!text) return [];
  let clients;
  try {
    clients = JSON.parse(text);
  } catch (e) {
    console.error(`OIDC_EXTRA_CLIENTS is not JSON: ${e.message}`);
    process.exit(2);
  }
  const valid = Array.isArray(clients) && clients.every((c) =>
    c && typeof c.client_id === "string" && typeof c.client_secret === "string" &&
    (c.claims === undefined || (typeof c.claims === "object" && c.claims !== null && !Array.isArray(c.claims))));
  if (!valid) {
    console.error("OIDC_EXTRA_CLIENTS must be an array of {client_id, client_secret, claims?: {...}}");
    process.exit(2);
  }
  return clients;
}

const extraClients = readExtraClients(process.env.OIDC_EXTRA_CLIENTS);
const claimsByClient = new Map(extraClients.map((c) => [c.client_id, c.claims ?? {}]));

function clientCredentialsClient(id, secret) {
  return { client_id: id, client_secret: secret, grant_types: ["client_credentials"], redirect_uris: [], response_types: [] };
}

function newSigningKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
}

// The provider's keys are fixed at construction, so a rotation builds a new provider with the new key first
// (the signing key) and the previous one still published. Client credentials tokens need no stored state.
function createProvider(keys) {
  const provider = new Provider(issuer, {
    clients: [
      clientCredentialsClient(clientId, clientSecret),
      ...extraClients.map((c) => clientCredentialsClient(c.client_id, c.client_secret)),
    ],
    jwks: { keys },
    extraTokenClaims: (_ctx, token) => claimsByClient.get(token.clientId),
    ttl: { ClientCredentials: 5 * 60 },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => ({
          scope: "read write",
          audience: resourceIndicator,
          accessTokenTTL: 5 * 60,
          accessTokenFormat: "jwt",
          jwt: { sign: { alg: "RS256" } },
        }),
      },
    },
  });
  provider.on("server_error", (_ctx, err) => console.error(`server_error: ${err.message}`));
  return provider;
}

let keys = [newSigningKey()];
let handler = createProvider(keys).callback();

const server = createServer((req, res) => {
  if (req.method === "POST" && req.url === "/admin/rotate-keys") {
    keys = [newSigningKey(), keys[0]];
    handler = createProvider(keys).callback();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ kid: keys[0].kid }));
    return;
  }
  handler(req, res);
});

function stop() {
  server.close();
  server.closeAllConnections();
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

server.listen(port, "127.0.0.1", () => {
  console.log(`READY ${issuer}`);
});
