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
        subcontext._path.AddRange(_path);
        return subcontext;
    }

    /// <summary>Enters <paramref name="schema"/>, or returns null when it is already being compared further up.</summary>
    public Scope? EnterSchema(SchemaNode schema) =>
        _schemas.Add(schema) ? new Scope(() => _schemas.Remove(schema)) : null;

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

    /// <summary>Leaves a schema or path segment when disposed.</summary>
    public sealed class Scope(Action leave) : IDisposable
    {
        public void Dispose() => leave();
    }
}
