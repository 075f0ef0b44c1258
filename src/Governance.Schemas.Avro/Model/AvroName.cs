namespace Governance.Schemas.Avro.Model;

/// <summary>
/// The name of a named type or alias (Avro 1.12 specification, "Names"): a simple name and an optional namespace.
/// </summary>
public sealed record AvroName(string Name, string? Namespace)
{
    /// <summary>The full name: <c>namespace.name</c>, or the simple name when there is no namespace.</summary>
    public string FullName => Namespace is null ? Name : Namespace + "." + Name;

    /// <summary>
    /// Resolves <paramref name="name"/> as Java's <c>Schema.Name</c> does: a dotted name carries its own namespace,
    /// otherwise <paramref name="space"/> applies; an empty namespace is none.
    /// </summary>
    public static AvroName Of(string name, string? space)
    {
        var lastDot = name.LastIndexOf('.');
        if (lastDot >= 0)
        {
            space = name[..lastDot];
            name = name[(lastDot + 1)..];
        }

        return new AvroName(name, string.IsNullOrEmpty(space) ? null : space);
    }

    /// <summary>The name as Java writes a reference to it from within <paramref name="currentNamespace"/>.</summary>
    public string QualifiedFrom(string? currentNamespace) =>
        Namespace is not null && Namespace == currentNamespace && !AvroTypeKindNames.IsTypeName(Name) ? Name : FullName;

    public override string ToString() => FullName;
}
