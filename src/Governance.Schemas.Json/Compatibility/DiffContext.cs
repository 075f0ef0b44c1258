using System.Runtime.CompilerServices;
using Governance.Schemas.Json.Model;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// The state of one comparison: the differences found so far, the JSON path being compared, and the original schemas
/// being compared right now (so that a recursive schema is not followed into itself).
/// </summary>
internal sealed class DiffContext
{
    private readonly IReadOnlySet<DifferenceType> _compatibleChanges;
    private readonly HashSet<SchemaNode> _schemas = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<(SchemaNode Original, SchemaNode Update)> _pairs = new(SamePair.Instance);
    private readonly List<string> _path = [];
    private readonly List<Difference> _differences = [];

    public DiffContext(IReadOnlySet<DifferenceType> compatibleChanges)
    {
        _compatibleChanges = compatibleChanges;
    }

    public IReadOnlyList<Difference> Differences => _differences;

    /// <summary>True when every difference found is one of the compatible changes.</summary>
    public bool IsCompatible => _differences.All(d => _compatibleChanges.Contains(d.Type));

    /// <summary>A context for a trial comparison at the same place, whose differences the caller may keep or drop.</summary>
    public DiffContext Subcontext()
    {
        var subcontext = new DiffContext(_compatibleChanges);
        subcontext._schemas.UnionWith(_schemas);
        subcontext._pairs.UnionWith(_pairs);
        subcontext._path.AddRange(_path);
        return subcontext;
    }

    /// <summary>Enters <paramref name="schema"/>, or returns null when it is already being compared further up.</summary>
    public Scope? EnterSchema(SchemaNode schema) =>
        _schemas.Add(schema) ? new Scope(() => _schemas.Remove(schema)) : null;

    /// <summary>
    /// Enters the comparison of <paramref name="original"/> with <paramref name="update"/>, or returns null when that very
    /// comparison is already under way further up. Confluent's checker recurses forever there (a schema against a union
    /// that refers back to itself); assuming the comparison holds is the answer that recursion converges to.
    /// </summary>
    public Scope? EnterPair(SchemaNode original, SchemaNode update) =>
        _pairs.Add((original, update)) ? new Scope(() => _pairs.Remove((original, update))) : null;

    public Scope EnterPath(string segment)
    {
        _path.Add(segment);
        return new Scope(() => _path.RemoveAt(_path.Count - 1));
    }

    public void Add(DifferenceType type) => _differences.Add(new Difference(type, "#/" + string.Join("/", _path)));

    /// <summary>Adds a difference found in one keyword of the current schema (<c>#/.../maxLength</c>).</summary>
    public void Add(string keyword, DifferenceType type)
    {
        using (EnterPath(keyword))
        {
            Add(type);
        }
    }

    public void AddAll(IEnumerable<Difference> differences) => _differences.AddRange(differences);

    private sealed class SamePair : IEqualityComparer<(SchemaNode Original, SchemaNode Update)>
    {
        public static readonly SamePair Instance = new();

        public bool Equals((SchemaNode Original, SchemaNode Update) x, (SchemaNode Original, SchemaNode Update) y) =>
            ReferenceEquals(x.Original, y.Original) && ReferenceEquals(x.Update, y.Update);

        public int GetHashCode((SchemaNode Original, SchemaNode Update) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Original), RuntimeHelpers.GetHashCode(pair.Update));
    }

    /// <summary>Leaves a schema or path segment when disposed.</summary>
    public sealed class Scope(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}
