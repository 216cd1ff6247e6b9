namespace Portcullis.Cel.Syntax;

/// <summary>Maps source offsets to one-based line and column numbers.</summary>
public static class SourceLocation
{
    /// <summary>Returns the one-based line and code-point column of <paramref name="position"/>.</summary>
    public static (int Line, int Column) Of(string source, int position)
    {
        position = Math.Clamp(position, 0, source.Length);
        int line = 1, column = 1;
        for (var i = 0; i < position; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(source[i]))
            {
                column++;
            }
        }
        return (line, column);
    }
}
