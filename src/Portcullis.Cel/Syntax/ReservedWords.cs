namespace Portcullis.Cel.Syntax;

/// <summary>Words CEL reserves for embedding in host languages: not usable as identifiers, but fine as field and method names.</summary>
internal static class ReservedWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop",
        "package", "namespace", "return", "var", "void", "while",
    };

    /// <summary>Returns true when <paramref name="name"/> is a reserved word.</summary>
    public static bool Contains(string name) => Words.Contains(name);
}
