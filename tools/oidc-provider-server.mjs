// A real OpenID provider (npm oidc-provider) for the gateway's end-to-end authentication test in
// tests/Portcullis.FunctionalTests/Oidc.
// Usage: node tools/oidc-provider-server.mjs <port> [client_id] [client_secret]
// Serves issuer http://127.0.0.1:<port> (discovery, JWKS, token endpoint). The client may use the client_credentials
// grant with a `resource` parameter (RFC 8707); the access token is then an RS256 JWT with typ at+jwt (RFC 9068) whose
// aud is the resource and whose scope is what was asked among "read write".
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

function newSigningKey() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { ...privateKey.export({ format: "jwk" }), kid: randomUUID(), alg: "RS256", use: "sig" };
}

// The provider's keys are fixed at construction, so a rotation builds a new provider with the new key first
// (the signing key) and the previous one still published. Client credentials tokens need no stored state.
function createProvider(keys) {
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
    }],
    jwks: { keys },
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
