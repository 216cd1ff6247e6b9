using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Library;

/// <summary>
/// RE2-syntax regular expressions run safely on .NET: patterns are translated by <see cref="Re2Translator"/> and
/// compiled with <see cref="RegexOptions.NonBacktracking"/> (linear time), bounded by
/// <see cref="CelOptions.MaxRegexLength"/> and <see cref="CelOptions.RegexTimeout"/>, and cached.
/// </summary>
internal static class CelRegex
{
    /// <summary>The most compiled patterns kept; the cache is emptied when it fills.</summary>
    internal const int CacheCapacity = 256;

    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Compiled> Cache = new();

    private sealed record Compiled(Regex? Regex, string? Error);

    /// <summary>Returns whether <paramref name="pattern"/> matches anywhere in <paramref name="input"/>, or an error
    /// value for an invalid pattern ("invalid regex: …") or a match that exceeds the timeout.</summary>
    internal static CelValue IsMatch(string input, string pattern, CelOptions options)
    {
        if (!TryGet(pattern, options, out var regex, out var error)) return error;
        try
        {
            return CelValue.Bool(regex.IsMatch(input));
        }
        catch (RegexMatchTimeoutException)
        {
            return CelValue.Error("regex match timed out");
        }
    }

    /// <summary>Gets the compiled form of <paramref name="pattern"/>, or the error value explaining why it is invalid.</summary>
    internal static bool TryGet(string pattern, CelOptions options, out Regex regex, out CelValue error)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(options);
        regex = null!;
        error = default;
        if (pattern.Length > options.MaxRegexLength)
        {
            error = CelValue.Error($"invalid regex: pattern is longer than {options.MaxRegexLength} characters");
            return false;
        }
        var key = (pattern, options.RegexTimeout);
        if (!Cache.TryGetValue(key, out var compiled))
        {
            compiled = Compile(pattern, options.RegexTimeout);
            if (Cache.Count >= CacheCapacity) Cache.Clear();
            Cache.TryAdd(key, compiled);
        }
        if (compiled.Regex is null)
        {
            error = CelValue.Error(compiled.Error!);
            return false;
        }
        regex = compiled.Regex;
        return true;
    }

    /// <summary>Translates <paramref name="pattern"/> to .NET syntax; throws <see cref="Re2SyntaxException"/> when invalid.</summary>
    internal static string Translate(string pattern) => Re2Translator.Translate(pattern);

    private static Compiled Compile(string pattern, TimeSpan timeout)
    {
        try
        {
            var translated = Re2Translator.Translate(pattern);
            var regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, timeout);
            return new Compiled(regex, null);
        }
        catch (Re2SyntaxException ex)
        {
            return new Compiled(null, "invalid regex: " + ex.Message);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            return new Compiled(null, "invalid regex: " + ex.Message);
        }
    }
}
