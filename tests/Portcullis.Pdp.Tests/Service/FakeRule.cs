namespace Portcullis.Pdp.Tests.Service;

internal sealed record FakeRule(string Name, string Role, string Action, bool OwnerOnly);
