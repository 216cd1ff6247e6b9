using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portcullis.AuthZen.Tests.Server;

/// <summary>Fuzzes the AuthZEN endpoints of a running server with random and mutated bodies (also linked into the
/// functional tests, which fuzz the real `portcullis pdp`).</summary>
internal static class EndpointFuzzer
{
    private static readonly string[] Seeds =
    [
        """{"subject":{"type":"user","id":"alice","properties":{"a":[1,2,{"b":null}]}},"action":{"name":"read"},"resource":{"type":"doc","id":"1","properties":{"owner":"alice"}},"context":{"t":1}}""",
        """{"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"options":{"evaluations_semantic":"deny_on_first_deny","reasons":true},"evaluations":[{"resource":{"type":"doc","id":"1"}},{"subject":{"type":"user"}},{}]}""",
        """{"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"doc","id":"1"},"page":{"limit":2,"token":"AQEAAAADAAAAAgAAAAAAAAAAAAAAAAAAAAAA"}}""",
        """{"subject":{"type":"user","id":"a"},"resource":{"type":"doc"},"action":{"name":"r"},"page":{"limit":1}}""",
    ];

    private static readonly string[] Paths =
    [
        "/access/v1/evaluation", "/access/v1/evaluations", "/access/v1/search/subject", "/access/v1/search/resource", "/access/v1/search/action",
    ];

    /// <summary>Posts bodies for <paramref name="budget"/>, four at a time; asserts every answer is 200, 400 or 413 JSON
    /// (never a 500, never a hang past the client timeout) and that both 200 and 400 occurred. Returns a summary line.</summary>
    public static async Task<string> RunAsync(Uri baseAddress, TimeSpan budget, int seed)
    {
        var random = new Random(seed);
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var statuses = new Dictionary<int, int>();
        while (clock.Elapsed < budget)
        {
            var batch = Enumerable.Range(0, 4).Select(_ => (Path: Paths[random.Next(Paths.Length)], Body: Body(random))).ToArray();
            var replies = await Task.WhenAll(batch.Select(b => PostAsync(client, b.Path, b.Body)));
            for (var i = 0; i < batch.Length; i++)
            {
                var (status, text, contentType) = replies[i];
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                var input = Convert.ToBase64String(batch[i].Body);
                Assert.True(status is 200 or 400 or 413, $"{batch[i].Path} answered {status} to base64 body {input}: {text}");
                Assert.Equal("application/json", contentType);
                using var json = JsonDocument.Parse(text);
                Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            }

            sent += batch.Length;
        }

        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0, "the fuzzer should reach both accepted and rejected requests");
        return $"{sent} requests: {string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}x{p.Value}"))}";
    }

    private static async Task<(int Status, string Text, string? ContentType)> PostAsync(HttpClient client, string path, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    private static byte[] Body(Random random) => random.Next(6) switch
    {
        0 => RandomBytes(random),
        1 => ByteMutation(random, Encoding.UTF8.GetBytes(Seeds[random.Next(Seeds.Length)])),
        2 => Encoding.UTF8.GetBytes(Nested(random)),
        _ => Encoding.UTF8.GetBytes(NodeMutation(random, Seeds[random.Next(Seeds.Length)])),
    };

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] ByteMutation(Random random, byte[] seed)
    {
        var bytes = seed.ToList();
        for (var n = random.Next(1, 4); n > 0 && bytes.Count > 0; n--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, (byte)"{}[]\",:\\0-e.tfn\u00ff"[random.Next(16)]); break;
                case 2: bytes[at] = (byte)random.Next(256); break;
                default: bytes.RemoveRange(at, bytes.Count - at); break;
            }
        }

        return [.. bytes];
    }

    private static string Nested(Random random)
    {
        var depth = random.Next(1, 200);
        var open = random.Next(2) == 0 ? "{\"subject\":" : "[";
        return new StringBuilder().Insert(0, open, depth).Append("1").ToString();
    }

    private static string NodeMutation(Random random, string seed)
    {
        var root = JsonNode.Parse(seed)!.AsObject();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var objects = Descendants(root).OfType<JsonObject>().ToList();
            var target = objects[random.Next(objects.Count)];
            var keys = target.Select(p => p.Key).Append("type").Append("id").Append("name").Append("properties").ToList();
            var key = keys[random.Next(keys.Count)];
            if (random.Next(5) == 0)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = RandomValue(random, 2);
            }
        }

        return root.ToJsonString();
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 0 ? 9 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.Next(-3, 3) * Math.Pow(10, random.Next(0, 40))),
        3 => JsonValue.Create(""),
        4 => JsonValue.Create(new string((char)random.Next(0xD800, 0xDFFF), 1) + "x"),
        5 => JsonValue.Create("user"),
        6 => new JsonArray(RandomValue(random, depth - 1), RandomValue(random, depth - 1)),
        _ => new JsonObject { ["type"] = RandomValue(random, depth - 1), ["id"] = RandomValue(random, depth - 1), ["limit"] = RandomValue(random, depth - 1) },
    };
}
