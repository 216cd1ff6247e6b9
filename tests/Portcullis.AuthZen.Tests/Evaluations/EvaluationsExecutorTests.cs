using Portcullis.AuthZen.Evaluations;
using Portcullis.AuthZen.Model;
using Portcullis.AuthZen.Tests.Server;

namespace Portcullis.AuthZen.Tests.Evaluations;

public sealed class EvaluationsExecutorTests
{
    [Theory]
    [InlineData(null, EvaluationsSemantic.ExecuteAll)]
    [InlineData("execute_all", EvaluationsSemantic.ExecuteAll)]
    [InlineData("deny_on_first_deny", EvaluationsSemantic.DenyOnFirstDeny)]
    [InlineData("permit_on_first_permit", EvaluationsSemantic.PermitOnFirstPermit)]
    public void TryParseSemantic_Known_Parsed(string? text, EvaluationsSemantic expected)
    {
        Assert.True(EvaluationsExecutor.TryParseSemantic(text, out var semantic));
        Assert.Equal(expected, semantic);
    }

    [Theory]
    [InlineData("")]
    [InlineData("EXECUTE_ALL")]
    [InlineData("evaluation_semantics")]
    public void TryParseSemantic_Unknown_False(string text)
    {
        Assert.False(EvaluationsExecutor.TryParseSemantic(text, out _));
    }

    [Fact]
    public void Merge_ItemMembers_ReplaceDefaultsWhole()
    {
        var request = new EvaluationsRequest
        {
            Subject = new Subject { Type = "user", Id = "alice" },
            Resource = new Resource { Type = "doc", Id = "1" },
            Options = new EvaluationOptions { Reasons = true },
        };

        var merged = EvaluationsExecutor.Merge(request, new EvaluationItem { Resource = new Resource { Type = "folder" } });

        Assert.Equal(new Resource { Type = "folder" }, merged.Resource);
        Assert.Equal(request.Subject, merged.Subject);
        Assert.Null(merged.Action);
        Assert.True(merged.Options!.Reasons);
    }

    [Fact]
    public async Task ExecuteAsync_NoItems_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await EvaluationsExecutor.ExecuteAsync(new OwnerPdp(), new EvaluationsRequest()));
    }
}
