namespace Portcullis.Cel.Library;

/// <summary>The named classes of RE2 (Perl, POSIX and Unicode) mapped to ASCII ranges or .NET tokens.</summary>
internal static class Re2ClassNames
{
    /// <summary>RE2's <c>\d</c>: ASCII digits only.</summary>
    public static readonly (int, int)[] Digit = [('0', '9')];

    /// <summary>RE2's <c>\w</c>: ASCII word characters only.</summary>
    public static readonly (int, int)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    /// <summary>RE2's <c>\s</c>: tab, newline, form feed, carriage return and space (no vertical tab).</summary>
    public static readonly (int, int)[] Space = [('\t', '\n'), ('\f', '\r'), (' ', ' ')];

    /// <summary>The POSIX classes RE2 accepts inside brackets (<c>[[:alpha:]]</c>).</summary>
    public static readonly IReadOnlyDictionary<string, (int, int)[]> Posix = new Dictionary<string, (int, int)[]>(StringComparer.Ordinal)
    {
        ["alnum"] = [('0', '9'), ('A', 'Z'), ('a', 'z')],
        ["alpha"] = [('A', 'Z'), ('a', 'z')],
        ["ascii"] = [(0, 0x7F)],
        ["blank"] = [('\t', '\t'), (' ', ' ')],
        ["cntrl"] = [(0, 0x1F), (0x7F, 0x7F)],
        ["digit"] = [('0', '9')],
        ["graph"] = [('!', '~')],
        ["lower"] = [('a', 'z')],
        ["print"] = [(' ', '~')],
        ["punct"] = [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        ["space"] = [('\t', '\r'), (' ', ' ')],
        ["upper"] = [('A', 'Z')],
        ["word"] = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')],
        ["xdigit"] = [('0', '9'), ('A', 'F'), ('a', 'f')],
    };

    /// <summary>Unicode general categories, which .NET supports under the same names.</summary>
    public static readonly IReadOnlySet<string> Categories = new HashSet<string>(StringComparer.Ordinal)
    {
        "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    };

    /// <summary>Unicode scripts approximated by the .NET named blocks that hold them (BMP only).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Scripts = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Arabic"] = ["IsArabic", "IsArabicPresentationForms-A", "IsArabicPresentationForms-B"],
        ["Armenian"] = ["IsArmenian"],
        ["Bengali"] = ["IsBengali"],
        ["Cyrillic"] = ["IsCyrillic", "IsCyrillicSupplement"],
        ["Devanagari"] = ["IsDevanagari"],
        ["Georgian"] = ["IsGeorgian"],
        ["Greek"] = ["IsGreekandCoptic", "IsGreekExtended"],
        ["Gujarati"] = ["IsGujarati"],
        ["Gurmukhi"] = ["IsGurmukhi"],
        ["Han"] = ["IsCJKUnifiedIdeographs", "IsCJKUnifiedIdeographsExtensionA", "IsCJKCompatibilityIdeographs"],
        ["Hangul"] = ["IsHangulJamo", "IsHangulCompatibilityJamo", "IsHangulSyllables"],
        ["Hebrew"] = ["IsHebrew"],
        ["Hiragana"] = ["IsHiragana"],
        ["Kannada"] = ["IsKannada"],
        ["Katakana"] = ["IsKatakana", "IsKatakanaPhoneticExtensions"],
        ["Khmer"] = ["IsKhmer"],
        ["Lao"] = ["IsLao"],
        ["Malayalam"] = ["IsMalayalam"],
        ["Mongolian"] = ["IsMongolian"],
        ["Myanmar"] = ["IsMyanmar"],
        ["Tamil"] = ["IsTamil"],
        ["Telugu"] = ["IsTelugu"],
        ["Thai"] = ["IsThai"],
        ["Tibetan"] = ["IsTibetan"],
    };

    /// <summary>The Latin script, approximated by its main BMP letter ranges.</summary>
    public static readonly (int, int)[] Latin =
    [
        ('A', 'Z'), ('a', 'z'), (0xAA, 0xAA), (0xBA, 0xBA), (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x24F),
        (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A),
    ];
}
