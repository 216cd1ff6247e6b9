namespace Portcullis.Gateway.Tests.Authentication;

/// <summary>Parses one RFC 7235 challenge (<c>scheme [auth-param *("," auth-param)]</c>) strictly; throws on anything else.</summary>
internal static class ChallengeParser
{
    public static (string Scheme, Dictionary<string, string> Parameters) Parse(string value)
    {
        var i = 0;
        var scheme = Token(value, ref i);
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (i == value.Length)
            return (scheme, parameters);
        Expect(value, ref i, ' ');
        while (true)
        {
            var name = Token(value, ref i);
            Expect(value, ref i, '=');
            var parameter = i < value.Length && value[i] == '"' ? QuotedString(value, ref i) : Token(value, ref i);
            if (!parameters.TryAdd(name, parameter))
                throw new FormatException($"duplicate parameter {name}");
            if (i == value.Length)
                return (scheme, parameters);
            Expect(value, ref i, ',');
            Expect(value, ref i, ' ');
        }
    }

    private static string Token(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && (char.IsAsciiLetterOrDigit(value[i]) || "!#$%&'*+-.^_`|~".Contains(value[i], StringComparison.Ordinal)))
            i++;
        return i > start ? value[start..i] : throw new FormatException($"token expected at {start}");
    }

    private static string QuotedString(string value, ref int i)
    {
        Expect(value, ref i, '"');
        var text = new System.Text.StringBuilder();
        while (i < value.Length && value[i] != '"')
        {
            var c = value[i] == '\\' ? value[++i] : value[i];
            if (c < ' ' || c > '~')
                throw new FormatException($"character {(int)c} not allowed at {i}");
            text.Append(c);
            i++;
        }

        Expect(value, ref i, '"');
        return text.ToString();
    }

    private static void Expect(string value, ref int i, char expected)
    {
        if (i >= value.Length || value[i] != expected)
            throw new FormatException($"'{expected}' expected at {i}");
        i++;
    }
}
