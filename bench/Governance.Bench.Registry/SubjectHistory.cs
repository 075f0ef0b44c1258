namespace Governance.Bench.Registry;

/// <summary>
/// How a measured subject's versions look: <see cref="SchemaOfVersion"/> gives the schema of version <c>v</c> (1-based),
/// each one a new schema backward compatible with every version before it, so registrations under
/// BACKWARD_TRANSITIVE pass.
/// </summary>
public sealed record SubjectHistory(string Label, Func<int, string> SchemaOfVersion)
{
    /// <summary>Optional string fields in every <see cref="SameSize"/> version, next to the int id.</summary>
    public const int SameSizeOptionalFields = 10;

    /// <summary>
    /// Every version has the same fields (an int id and <see cref="SameSizeOptionalFields"/> optional strings); versions
    /// differ only in the default of the last field, so the cost measured is that of the version count alone.
    /// </summary>
    public static SubjectHistory SameSize { get; } = new(
        $"same size ({SameSizeOptionalFields + 1} fields)",
        version => Record(SameSizeOptionalFields, $"v{version}"));

    /// <summary>
    /// Version v has v fields (the id and v-1 optional strings), so the candidate for a subject with N versions has N+1
    /// fields: version count and schema size grow together. Kept to compare with earlier runs, which measured this.
    /// </summary>
    public static SubjectHistory GrowingSchema { get; } = new(
        "growing schema (versions+1 fields)",
        version => Record(version - 1, lastDefault: ""));

    private static string Record(int optionalFields, string lastDefault)
    {
        var fields = Enumerable.Range(1, optionalFields)
            .Select(i => $$""",{"name":"f{{i}}","type":"string","default":"{{(i == optionalFields ? lastDefault : "")}}"}""");
        return $$"""{"type":"record","name":"Measured","namespace":"bench","fields":[{"name":"id","type":"int"}{{string.Concat(fields)}}]}""";
    }
}
