using System.Text.Json;
using Portcullis.AuthZen.Model;
using Portcullis.Cel.Json;
using Portcullis.Cel.Values;
using Portcullis.Pdp.Entities;
using Portcullis.Pdp.Engine;
using Portcullis.Pdp.Mapping;

namespace Portcullis.Pdp.Tests.Mapping;

public class AuthZenMapperTests
{
    private static readonly EntityDirectory Directory = new(
        [
            new DirectoryEntity("user", "alice", ["manager"], Map("""{"department": "Sales", "level": 3}""")),
            new DirectoryEntity("user", "bob", null, Map("""{"cerbos.roles": ["auditor"], "department": "Legal"}""")),
            new DirectoryEntity("user", "carol", [], Map("""{"department": "Legal"}""")),
        ],
        [new DirectoryEntity("record", "101", null, Map("""{"owner": "alice", "title": "Hamlet"}"""))]);

    [Theory]
    [InlineData("""{"cerbos.roles": ["admin", "user"], "roles": ["ignored"]}""", "admin,user")]
    [InlineData("""{"roles": ["editor", "viewer"]}""", "editor,viewer")]
    [InlineData("""{"roles": "editor"}""", "editor")]
    [InlineData("""{"cerbos.roles": [], "roles": "editor"}""", "editor")]
    [InlineData("""{"cerbos.roles": ["", 7, "admin"]}""", "admin")]
    [InlineData("""{"cerbos.roles": "admin"}""", "employee")]
    [InlineData("""{"roles": 7}""", "employee")]
    [InlineData("""{"department": "Sales"}""", "employee")]
    [InlineData(null, "employee")]
    public void TryMapPrincipal_RoleSources_CerbosRolesThenRolesThenType(string? properties, string expected)
    {
        var subject = new Subject { Type = "employee", Id = "zed", Properties = Json(properties) };

        Assert.True(AuthZenMapper.TryMapPrincipal(EntityDirectory.Empty, subject, out var principal, out _));

        Assert.Equal(expected, string.Join(',', principal.Roles));
    }

    [Fact]
    public void TryMapPrincipal_Properties_AllBecomeAttributesAsInCerbos()
    {
        var subject = new Subject { Type = "user", Id = "zed", Properties = Json("""{"cerbos.roles": ["admin"], "age": 30, "tags": ["a"]}""") };

        Assert.True(AuthZenMapper.TryMapPrincipal(EntityDirectory.Empty, subject, out var principal, out _));

        Assert.Equal("zed", principal.Id);
        Assert.Equal("""{"cerbos.roles":["admin"],"age":30,"tags":["a"]}""", ToJson(principal.Attributes));
    }

    [Fact]
    public void TryMapPrincipal_KnownSubject_RequestPropertiesOverrideDirectoryKeyByKey()
    {
        var subject = new Subject { Type = "user", Id = "alice", Properties = Json("""{"level": 5, "mfa": true}""") };

        Assert.True(AuthZenMapper.TryMapPrincipal(Directory, subject, out var principal, out _));

        Assert.Equal("""{"department":"Sales","level":5,"mfa":true}""", ToJson(principal.Attributes));
        Assert.Equal(["manager"], principal.Roles);
    }

    [Theory]
    [InlineData("alice", null, "manager")]
    [InlineData("alice", """{"roles": ["guest"]}""", "guest")]
    [InlineData("alice", """{"cerbos.roles": ["admin"]}""", "admin")]
    [InlineData("bob", null, "auditor")]
    [InlineData("bob", """{"roles": "guest"}""", "guest")]
    [InlineData("carol", null, "user")]
    [InlineData("nobody", null, "user")]
    public void TryMapPrincipal_DirectoryRoles_RequestRolesReplaceThem(string id, string? properties, string expected)
    {
        var subject = new Subject { Type = "user", Id = id, Properties = Json(properties) };

        Assert.True(AuthZenMapper.TryMapPrincipal(Directory, subject, out var principal, out _));

        Assert.Equal(expected, string.Join(',', principal.Roles));
    }

    [Fact]
    public void TryMapResource_KnownResource_MergesPropertiesWithRequestWinning()
    {
        var resource = new Resource { Type = "record", Id = "101", Properties = Json("""{"title": "Othello", "pages": 120}""") };

        Assert.True(AuthZenMapper.TryMapResource(Directory, resource, out var mapped, out _));

        Assert.Equal(("record", "101"), (mapped.Kind, mapped.Id));
        Assert.Equal("""{"owner":"alice","title":"Othello","pages":120}""", ToJson(mapped.Attributes));
    }

    [Fact]
    public void TryMap_FullRequest_GivesActionAndContext()
    {
        var ok = AuthZenMapper.TryMap(
            Directory,
            new Subject { Type = "user", Id = "alice" },
            new AccessAction { Name = "can_read" },
            new Resource { Type = "record", Id = "101" },
            Json("""{"time": "2025-01-01T00:00:00Z", "ip": "10.0.0.1"}"""),
            out var input,
            out _);

        Assert.True(ok);
        Assert.Equal("can_read", input!.Action);
        Assert.Equal("""{"time":"2025-01-01T00:00:00Z","ip":"10.0.0.1"}""", ToJson(input.Context));
        Assert.Equal("""{"owner":"alice","title":"Hamlet"}""", ToJson(input.Resource.Attributes));
    }

    [Fact]
    public void TryMap_NoContext_GivesAnEmptyMap()
    {
        Assert.True(AuthZenMapper.TryMap(EntityDirectory.Empty, new Subject { Type = "u", Id = "1" }, new AccessAction { Name = "a" },
            new Resource { Type = "r", Id = "2" }, null, out var input, out _));

        Assert.Equal(0, input!.Context.Count);
        Assert.Equal(0, input.Principal.Attributes.Count);
    }

    [Theory]
    [InlineData("""[1]""", null, null, "a", "subject.properties must be a JSON object")]
    [InlineData(null, "\"x\"", null, "a", "resource.properties must be a JSON object")]
    [InlineData(null, null, "[]", "a", "context must be a JSON object")]
    [InlineData(null, null, null, null, "action.name is required")]
    public void TryMap_MistypedInput_ReturnsAnError(string? subjectProperties, string? resourceProperties, string? context, string? action, string expected)
    {
        var ok = AuthZenMapper.TryMap(
            EntityDirectory.Empty,
            new Subject { Type = "user", Id = "alice", Properties = Json(subjectProperties) },
            new AccessAction { Name = action },
            new Resource { Type = "record", Id = "1", Properties = Json(resourceProperties) },
            Json(context),
            out var input,
            out var error);

        Assert.False(ok);
        Assert.Null(input);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryMap_MissingIds_ReturnsWhichOne()
    {
        Assert.False(AuthZenMapper.TryMapPrincipal(EntityDirectory.Empty, new Subject { Type = "user" }, out _, out var subjectError));
        Assert.False(AuthZenMapper.TryMapResource(EntityDirectory.Empty, new Resource { Id = "1" }, out _, out var resourceError));

        Assert.Equal("subject.id is required", subjectError);
        Assert.Equal("resource.type is required", resourceError);
    }

    private static JsonElement? Json(string? text) => text is null ? null : JsonDocument.Parse(text).RootElement.Clone();

    private static CelMap Map(string json) => CelJson.Parse(json).AsMap;

    private static string ToJson(CelMap map) => CelJson.ToJsonString(CelValue.Map(map));
}
