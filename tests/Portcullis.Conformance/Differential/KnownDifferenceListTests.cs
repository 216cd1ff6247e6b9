namespace Portcullis.Conformance.Differential;

public sealed class KnownDifferenceListTests
{
    [Fact]
    public void Load_CheckedInList_EveryEntryHasAPatternAndAReason()
    {
        var list = KnownDifference.Load();

        Assert.NotEmpty(list.Entries);
        Assert.All(list.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
    }

    [Fact]
    public void Parse_CommentsAndBlankLines_AreSkipped()
    {
        var list = KnownDifferenceList.Parse("k.txt", ["# header", "", "  ", @"^a\d # digits after a"]);

        var entry = Assert.Single(list.Entries);
        Assert.Equal("digits after a", entry.Reason);
        Assert.Equal(4, entry.Line);
    }

    [Fact]
    public void Parse_EntryWithoutReason_FailsNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KnownDifferenceList.Parse("k.txt", ["# header", "^abc$"]));

        Assert.Equal("k.txt:2: entry without a ` # reason`: ^abc$", error.Message);
    }

    [Fact]
    public void Parse_EmptyReason_FailsNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KnownDifferenceList.Parse("k.txt", ["^abc$ #  x", "^abc$ # "]));

        Assert.StartsWith("k.txt:2: entry without a ` # reason`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidRegex_FailsNamingFileAndLine()
    {
        var error = Assert.Throws<InvalidOperationException>(() => KnownDifferenceList.Parse("k.txt", ["(unclosed # why"]));

        Assert.StartsWith("k.txt:1: not a valid regex:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralHashes_SplitsAtTheLast()
    {
        var entry = Assert.Single(KnownDifferenceList.Parse("k.txt", ["x # y # the reason"]).Entries);

        Assert.Equal("x # y", entry.Pattern.ToString());
        Assert.Equal("the reason", entry.Reason);
    }

    [Fact]
    public void Match_SeveralEntriesMatch_ReturnsTheFirst()
    {
        var list = KnownDifferenceList.Parse("k.txt", ["b # only b", "a # first a", "a+ # second a"]);

        Assert.Equal("first a", list.Match("xa")?.Reason);
        Assert.Null(list.Match("zzz"));
    }
}
