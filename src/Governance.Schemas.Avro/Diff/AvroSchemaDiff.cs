using Governance.Schemas.Avro.Compatibility;
using Governance.Schemas.Avro.Json;
using Governance.Schemas.Avro.Model;

namespace Governance.Schemas.Avro.Diff;

/// <summary>
/// The semantic difference between two versions of an Avro schema. Fields are matched as the resolution rules match them
/// (by name or a reader alias), union branches by name. Whether a change breaks backward (new reads old) or forward (old
/// reads new) compatibility is decided by <see cref="ReaderWriterCompatibility"/> on the parts that changed, so the diff
/// and the compatibility check agree. Paths are JSON pointers into the new schema, or into the old one for what was removed.
/// </summary>
public sealed class AvroSchemaDiff
{
    private readonly List<SchemaChange> _changes = [];
    private readonly HashSet<(AvroType, AvroType)> _compared = new(ReferencePairComparer.Instance);

    private AvroSchemaDiff()
    {
    }

    public static IReadOnlyList<SchemaChange> Compare(AvroType previous, AvroType current)
    {
        var diff = new AvroSchemaDiff();
        diff.CompareTypes(previous, current, "");
        return diff._changes;
    }

    private static bool CannotRead(AvroType reader, AvroType writer) => ReaderWriterCompatibility.Check(reader, writer).Count > 0;

    private void Add(string kind, string path, string description, bool breaksBackward = false, bool breaksForward = false) =>
        _changes.Add(new SchemaChange(kind, path.Length == 0 ? "/" : path, description, breaksBackward, breaksForward));

    private void CompareTypes(AvroType previous, AvroType current, string path)
    {
        if (!_compared.Add((previous, current)))
        {
            return;
        }

        if (previous.Kind != current.Kind)
        {
            CompareKinds(previous, current, path);
            return;
        }

        switch (previous, current)
        {
            case (AvroRecordType oldRecord, AvroRecordType newRecord):
                CompareNamed(oldRecord, newRecord, path);
                CompareFields(oldRecord, newRecord, path);
                break;
            case (AvroEnumType oldEnum, AvroEnumType newEnum):
                CompareNamed(oldEnum, newEnum, path);
                CompareSymbols(oldEnum, newEnum, path);
                break;
            case (AvroFixedType oldFixed, AvroFixedType newFixed):
                CompareNamed(oldFixed, newFixed, path);
                if (oldFixed.Size != newFixed.Size)
                {
                    Add("FIXED_SIZE_CHANGED", path + "/size", $"The size of fixed '{newFixed.FullName}' changed from {oldFixed.Size} to {newFixed.Size}", true, true);
                }

                break;
            case (AvroArrayType oldArray, AvroArrayType newArray):
                CompareTypes(oldArray.Items, newArray.Items, path + "/items");
                break;
            case (AvroMapType oldMap, AvroMapType newMap):
                CompareTypes(oldMap.Values, newMap.Values, path + "/values");
                break;
            case (AvroUnionType oldUnion, AvroUnionType newUnion):
                CompareBranches(oldUnion, newUnion, path);
                break;
        }

        CompareAnnotations(previous, current, path);
    }

    private void CompareKinds(AvroType previous, AvroType current, string path)
    {
        var breaksBackward = CannotRead(current, previous);
        var breaksForward = CannotRead(previous, current);
        var from = Describe(previous);
        var to = Describe(current);
        if (current is AvroUnionType newUnion && newUnion.Branches.FirstOrDefault(b => b.UnionBranchName == previous.UnionBranchName) is { } kept)
        {
            Add("TYPE_CHANGED_TO_UNION", path, $"The type {from} became the union {to}", breaksBackward, breaksForward);
            CompareTypes(previous, kept, $"{path}/{newUnion.Branches.ToList().IndexOf(kept)}");
        }
        else if (previous is AvroUnionType oldUnion && oldUnion.Branches.FirstOrDefault(b => b.UnionBranchName == current.UnionBranchName) is { } left)
        {
            Add("TYPE_CHANGED_FROM_UNION", path, $"The union {from} became its branch {to}", breaksBackward, breaksForward);
            CompareTypes(left, current, path);
        }
        else if (!breaksBackward && previous is AvroPrimitiveType && current is AvroPrimitiveType)
        {
            Add("TYPE_PROMOTED", path, $"The type {from} was promoted to {to}", breaksBackward, breaksForward);
        }
        else
        {
            Add("TYPE_CHANGED", path, $"The type changed from {from} to {to}", breaksBackward, breaksForward);
        }
    }

    private void CompareNamed(AvroNamedType previous, AvroNamedType current, string path)
    {
        if (previous.FullName != current.FullName)
        {
            Add("NAME_CHANGED", path + "/name", $"The {current.Kind.SchemaName()} '{previous.FullName}' was renamed to '{current.FullName}'",
                !ReaderWriterCompatibility.NamesMatch(current, previous), !ReaderWriterCompatibility.NamesMatch(previous, current));
        }

        if (!previous.AliasFullNames.SequenceEqual(current.AliasFullNames))
        {
            Add("ALIASES_CHANGED", path + "/aliases", $"The aliases of '{current.FullName}' changed from [{string.Join(", ", previous.AliasFullNames)}] to [{string.Join(", ", current.AliasFullNames)}]");
        }

        if (previous.Doc != current.Doc)
        {
            Add("DOC_CHANGED", path + "/doc", $"The doc of '{current.FullName}' changed");
        }
    }

    private void CompareFields(AvroRecordType previous, AvroRecordType current, string path)
    {
        var matchedOldFields = new HashSet<AvroField>();
        foreach (var newField in current.Fields)
        {
            var fieldPath = $"{path}/fields/{newField.Position}";
            var oldField = ReaderWriterCompatibility.FindWriterField(previous, newField);
            if (oldField is null)
            {
                Add("FIELD_ADDED", fieldPath, $"The field '{newField.Name}' was added to '{current.FullName}'" + (newField.HasDefault ? " with a default" : " without a default"),
                    breaksBackward: !newField.HasDefault);
                continue;
            }

            matchedOldFields.Add(oldField);
            if (oldField.Name != newField.Name)
            {
                // The new schema reads the old name through an alias; the old schema reads the new data only if its
                // field also knows the new name, or has a default.
                var oldReadsNew = ReaderWriterCompatibility.FindWriterField(current, oldField) is not null || oldField.HasDefault;
                Add("FIELD_RENAMED", fieldPath, $"The field '{oldField.Name}' was renamed to '{newField.Name}' (an alias keeps the old name)", breaksForward: !oldReadsNew);
            }

            CompareFieldAttributes(oldField, newField, fieldPath);
            CompareTypes(oldField.Type, newField.Type, fieldPath + "/type");
        }

        foreach (var oldField in previous.Fields.Where(f => !matchedOldFields.Contains(f)))
        {
            var oldReadsNew = ReaderWriterCompatibility.FindWriterField(current, oldField) is not null || oldField.HasDefault;
            Add("FIELD_REMOVED", $"{path}/fields/{oldField.Position}", $"The field '{oldField.Name}' was removed from '{current.FullName}'", breaksForward: !oldReadsNew);
        }
    }

    private void CompareFieldAttributes(AvroField previous, AvroField current, string path)
    {
        var oldDefault = previous.Default is { } o ? JacksonJson.ToJson(o) : null;
        var newDefault = current.Default is { } n ? JacksonJson.ToJson(n) : null;
        if (oldDefault != newDefault)
        {
            var (kind, description) = (oldDefault, newDefault) switch
            {
                (null, _) => ("FIELD_DEFAULT_ADDED", $"The field '{current.Name}' got the default {newDefault}"),
                (_, null) => ("FIELD_DEFAULT_REMOVED", $"The field '{current.Name}' lost its default {oldDefault}"),
                _ => ("FIELD_DEFAULT_CHANGED", $"The default of field '{current.Name}' changed from {oldDefault} to {newDefault}"),
            };
            Add(kind, path + "/default", description);
        }

        if (previous.Doc != current.Doc)
        {
            Add("FIELD_DOC_CHANGED", path + "/doc", $"The doc of field '{current.Name}' changed");
        }

        if (previous.Order != current.Order)
        {
            Add("FIELD_ORDER_CHANGED", path + "/order", $"The sort order of field '{current.Name}' changed from {previous.Order} to {current.Order}");
        }

        if (!previous.Aliases.SequenceEqual(current.Aliases))
        {
            Add("FIELD_ALIASES_CHANGED", path + "/aliases", $"The aliases of field '{current.Name}' changed");
        }
    }

    private void CompareSymbols(AvroEnumType previous, AvroEnumType current, string path)
    {
        for (var i = 0; i < current.Symbols.Count; i++)
        {
            if (!previous.Symbols.Contains(current.Symbols[i]))
            {
                Add("ENUM_SYMBOL_ADDED", $"{path}/symbols/{i}", $"The symbol '{current.Symbols[i]}' was added to enum '{current.FullName}'",
                    breaksForward: previous.Default is null);
            }
        }

        for (var i = 0; i < previous.Symbols.Count; i++)
        {
            if (!current.Symbols.Contains(previous.Symbols[i]))
            {
                Add("ENUM_SYMBOL_REMOVED", $"{path}/symbols/{i}", $"The symbol '{previous.Symbols[i]}' was removed from enum '{current.FullName}'",
                    breaksBackward: current.Default is null);
            }
        }

        if (previous.Default != current.Default)
        {
            Add("ENUM_DEFAULT_CHANGED", path + "/default", $"The default of enum '{current.FullName}' changed from {previous.Default ?? "none"} to {current.Default ?? "none"}");
        }
    }

    private void CompareBranches(AvroUnionType previous, AvroUnionType current, string path)
    {
        for (var i = 0; i < current.Branches.Count; i++)
        {
            var branch = current.Branches[i];
            var oldBranch = previous.Branches.FirstOrDefault(b => b.UnionBranchName == branch.UnionBranchName);
            if (oldBranch is null)
            {
                Add("UNION_BRANCH_ADDED", $"{path}/{i}", $"The union gained the branch {branch.UnionBranchName}", breaksForward: CannotRead(previous, branch));
            }
            else
            {
                CompareTypes(oldBranch, branch, $"{path}/{i}");
            }
        }

        for (var i = 0; i < previous.Branches.Count; i++)
        {
            var branch = previous.Branches[i];
            if (current.Branches.All(b => b.UnionBranchName != branch.UnionBranchName))
            {
                Add("UNION_BRANCH_REMOVED", $"{path}/{i}", $"The union lost the branch {branch.UnionBranchName}", breaksBackward: CannotRead(current, branch));
            }
        }
    }

    private void CompareAnnotations(AvroType previous, AvroType current, string path)
    {
        if (previous.LogicalType != current.LogicalType)
        {
            Add("LOGICAL_TYPE_CHANGED", path, $"The logical type changed from {previous.LogicalType?.Name ?? "none"} to {current.LogicalType?.Name ?? "none"}");
        }

        var oldProperties = string.Join(",", previous.Properties.Select(p => p.Name + "=" + JacksonJson.ToJson(p.Value)));
        var newProperties = string.Join(",", current.Properties.Select(p => p.Name + "=" + JacksonJson.ToJson(p.Value)));
        if (oldProperties != newProperties)
        {
            Add("PROPERTIES_CHANGED", path, "Custom properties changed");
        }
    }

    private static string Describe(AvroType type) => type switch
    {
        AvroNamedType named => $"{named.Kind.SchemaName()} '{named.FullName}'",
        AvroUnionType union => "[" + string.Join(", ", union.Branches.Select(b => b.UnionBranchName)) + "]",
        AvroArrayType => "array",
        AvroMapType => "map",
        _ => type.Kind.SchemaName(),
    };
}
