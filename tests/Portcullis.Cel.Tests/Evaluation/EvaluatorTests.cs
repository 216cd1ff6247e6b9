using Portcullis.Cel.Values;

namespace Portcullis.Cel.Tests.Evaluation;

public sealed class EvaluatorTests
{
    [Theory]
    [InlineData("false && (1/0 == 1)", "false")]
    [InlineData("(1/0 == 1) && false", "false")]
    [InlineData("true || (1/0 == 1)", "true")]
    [InlineData("(1/0 == 1) || true", "true")]
    [InlineData("true ? 1 : 1/0", "1")]
    [InlineData("false ? 1/0 : 2", "2")]
    public void LogicalOperators_AbsorbErrors_AsCelSpecifies(string expression, string expected) =>
        Assert.Equal(expected, Eval.Json(expression));

    [Theory]
    [InlineData("(1/0 == 1) && true")]
    [InlineData("true && (1/0 == 1)")]
    [InlineData("(1/0 == 1) || false")]
    [InlineData("(1/0 == 1) ? 1 : 2")]
    public void LogicalOperators_WithoutAbsorbingOperand_PropagateError(string expression) =>
        Assert.Contains("division by zero", Eval.ErrorOf(expression), StringComparison.Ordinal);

    [Theory]
    [InlineData("1 == 1u", "true")]
    [InlineData("1 == 1.0", "true")]
    [InlineData("1u < 2.5", "true")]
    [InlineData("-1 < 1u", "true")]
    [InlineData("9223372036854775807 < 18446744073709551615u", "true")]
    [InlineData("'a' == 1", "false")]
    [InlineData("[1, 2] == [1.0, 2u]", "true")]
    [InlineData("{'a': 1} == {'a': 1.0}", "true")]
    [InlineData("0.0/0.0 == 0.0/0.0", "false")]
    [InlineData("0.0/0.0 < 1.0", "false")]
    public void Comparison_AcrossNumericTypes_ComparesByValue(string expression, string expected) =>
        Assert.Equal(expected, Eval.Json(expression));

    [Fact]
    public void Relation_BetweenUnrelatedTypes_IsNoSuchOverload() =>
        Assert.Contains("no such overload", Eval.ErrorOf("'a' < 1"), StringComparison.Ordinal);

    [Fact]
    public void TypicalPolicyCondition_WithVariables_Evaluates()
    {
        const string vars = """{"request":{"principal":{"id":"alice","roles":["admin","user"]},"resource":{"attr":{"owner":"alice"}}}}""";

        Assert.Equal("true", Eval.Json("request.resource.attr.owner == request.principal.id && 'admin' in request.principal.roles", vars));
    }

    [Fact]
    public void MissingField_IsAnErrorNamingTheKey() =>
        Assert.Contains("no such key: 'owner'", Eval.ErrorOf("r.owner == 'x'", """{"r":{}}"""), StringComparison.Ordinal);

    [Fact]
    public void MissingFieldError_CarriesItsPosition()
    {
        var error = Eval.Run("true && r.owner", """{"r":{}}""").AsError;

        Assert.Equal(9, error.Position); // the '.' of ".owner"
    }

    [Theory]
    [InlineData("has(r.a)", "true")]
    [InlineData("has(r.b)", "false")]
    [InlineData("has(r.a.c)", "true")]
    [InlineData("has(r.?a.c)", "true")]
    [InlineData("has(r.?z.c)", "false")]
    public void Has_TestsPresenceWithoutFailing(string expression, string expected) =>
        Assert.Equal(expected, Eval.Json(expression, """{"r":{"a":{"c":1}}}"""));

    [Theory]
    [InlineData("[1, 2, 3].all(x, x > 0)", "true")]
    [InlineData("[1, 2, 3].exists(x, x > 2)", "true")]
    [InlineData("[1, 2, 3].exists_one(x, x > 1)", "false")]
    [InlineData("[1, 2, 3].map(x, x * 2)", "[2,4,6]")]
    [InlineData("[1, 2, 3].map(x, x > 1, x * 2)", "[4,6]")]
    [InlineData("[1, 2, 3].filter(x, x != 2)", "[1,3]")]
    [InlineData("{'a': 1, 'b': 2}.filter(k, k != 'a')", "[\"b\"]")]
    [InlineData("[0, -1].all(x, 1 / x > 0)", "false")]
    [InlineData("[0, 1].exists(x, 1 / x > 0)", "true")]
    [InlineData("[10, 20].all(i, v, v == (i + 1) * 10)", "true")]
    [InlineData("{'a': 1}.transformMap(k, v, v + 1)", "{\"a\":2}")]
    [InlineData("[[1, 2], [3]].map(xs, xs.map(x, x * 10))", "[[10,20],[30]]")]
    [InlineData("cel.bind(x, 21, x + x)", "42")]
    [InlineData("cel.block([1, cel.index(0) + 1], cel.index(1) * 10)", "20")]
    public void Macros_ExpandAndEvaluate(string expression, string expected) =>
        Assert.Equal(expected, Eval.Json(expression));

    [Fact]
    public void Comprehension_BeyondIterationBudget_FailsWithClearError()
    {
        var options = new CelOptions { MaxComprehensionIterations = 1_000 };

        var message = Eval.ErrorOf("[1,2,3,4,5,6,7,8,9,10].map(a, [1,2,3,4,5,6,7,8,9,10].map(b, [1,2,3,4,5,6,7,8,9,10].map(c, a + b + c)))", options: options);

        Assert.Contains("iteration limit", message, StringComparison.Ordinal);
    }

    [Fact]
    public void QualifiedVariable_WinsOverFieldSelection()
    {
        var activation = new CelActivation([
            KeyValuePair.Create("a.b", CelValue.Int(1)),
            KeyValuePair.Create("a", Eval.Activation("""{"x":{"b":2}}""").TryResolve("x", out var v) ? v : CelValue.Null),
        ]);

        Assert.Equal(1, CelProgram.Compile("a.b").Evaluate(activation).AsInt);
    }

    [Fact]
    public void Container_ResolvesIdentifiersInsideIt()
    {
        var activation = new CelActivation([KeyValuePair.Create("com.example.x", CelValue.Int(7))]);

        var result = CelProgram.Compile("x + 1", new CelOptions { Container = "com.example" }).Evaluate(activation);

        Assert.Equal(8, result.AsInt);
    }

    [Theory]
    [InlineData("type(1) == int", "true")]
    [InlineData("type(type(1)) == type", "true")]
    [InlineData("type(duration('1s')) == google.protobuf.Duration", "true")]
    public void TypeIdentifiers_EvaluateToTypes(string expression, string expected) =>
        Assert.Equal(expected, Eval.Json(expression));

    [Theory]
    [InlineData("undefined_function(1)", "undeclared reference to function 'undefined_function'")]
    [InlineData("has(x)", "invalid argument to has()")]
    [InlineData("[1].all(1, true)", "must be simple names")]
    [InlineData("Foo{a: 1}", "unknown type 'Foo'")]
    public void CompileErrors_ExplainTheProblem(string expression, string expected)
    {
        var ex = Assert.Throws<CelCompileException>(() => CelProgram.Compile(expression));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.All(ex.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
    }

    [Fact]
    public void SharedProgram_EvaluatedConcurrently_GivesEveryCallerItsOwnAnswer()
    {
        var program = CelProgram.Compile("[1, 2, 3].map(x, x * n).exists(y, y == n * 3)");

        Parallel.For(0, 2_000, i =>
        {
            var activation = new CelActivation([KeyValuePair.Create("n", CelValue.Int(i))]);
            Assert.True(program.Evaluate(activation).AsBool);
        });
    }

    [Fact]
    public void TypicalCondition_WarmProgram_AllocatesNothing()
    {
        const string vars = """{"request":{"principal":{"id":"alice","roles":["user","admin"]},"resource":{"attr":{"owner":"alice"}}}}""";
        var program = CelProgram.Compile("request.resource.attr.owner == request.principal.id && 'admin' in request.principal.roles");
        var activation = Eval.Activation(vars);
        program.Evaluate(activation);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) program.Evaluate(activation);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("cel.bind(a, 'xxxxxxxxxx', cel.bind(b, a + a, cel.bind(c, b + b, cel.bind(d, c + c, cel.bind(e, d + d, e + e + e + e + e)))))")]
    [InlineData("cel.bind(a, 'xxxxxxxxxx', a.replace('', a).replace('', a))")]
    [InlineData("cel.bind(a, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], cel.bind(b, a + a, cel.bind(c, b + b, cel.bind(d, c + c, d + d))))")]
    public void GrowingValues_BeyondSizeLimit_FailInsteadOfExhaustingMemory(string expression)
    {
        var options = new CelOptions { MaxValueSize = 100 };

        Assert.Contains("size limit", Eval.ErrorOf(expression, options: options), StringComparison.Ordinal);
    }
}
