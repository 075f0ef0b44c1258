namespace Governance.Schemas.Json.Model;

/// <summary>The boolean schema <c>true</c>: like <see cref="EmptySchema"/>, accepts every value.</summary>
internal sealed class TrueSchema : EmptySchema;
