using Governance.Schemas.Avro.Model;

namespace Governance.Schemas.Avro.Compatibility;

/// <summary>
/// Decides whether a reader schema can read everything a writer schema writes, by the resolution rules of the Avro 1.12
/// specification ("Schema Resolution"), reporting what Java Avro 1.12's
/// <c>SchemaCompatibility.checkReaderWriterCompatibility</c> reports, at the same locations:
/// promotions int→long/float/double, long→float/double, float→double, string↔bytes; named types match by simple name or
/// a reader alias; enums need every writer symbol unless the reader has a default; reader fields missing from the writer
/// need a default; every branch of a writer union must be readable; a reader union must read the writer with some branch.
/// Pairs already being checked count as compatible, so recursive schemas terminate.
/// </summary>
public sealed class ReaderWriterCompatibility
{
    private readonly Dictionary<(AvroType Reader, AvroType Writer), Result?> _memo = new(ReferencePairComparer.Instance);

    private ReaderWriterCompatibility()
    {
    }

    public static IReadOnlyList<AvroIncompatibility> Check(AvroType reader, AvroType writer) =>
        new ReaderWriterCompatibility().Fresh(reader, writer).Incompatibilities;

    /// <summary>Java's two-argument <c>getCompatibility</c>: checks a pair from a new root location.</summary>
    private Result Fresh(AvroType reader, AvroType writer) => Check("", reader, writer, []);

    private Result Check(string token, AvroType reader, AvroType writer, List<string> location)
    {
        location.Add(token);
        Result result;
        if (_memo.TryGetValue((reader, writer), out var known))
        {
            // null marks a pair whose check is in progress: assume compatible unless proven otherwise.
            result = known ?? Result.Compatible;
        }
        else
        {
            _memo[(reader, writer)] = null;
            result = Calculate(reader, writer, location);
            _memo[(reader, writer)] = result;
        }

        location.RemoveAt(location.Count - 1);
        return result;
    }

    private Result Calculate(AvroType reader, AvroType writer, List<string> location)
    {
        if (reader.Kind == writer.Kind)
        {
            return (reader, writer) switch
            {
                (AvroArrayType r, AvroArrayType w) => Check("items", r.Items, w.Items, location),
                (AvroMapType r, AvroMapType w) => Check("values", r.Values, w.Values, location),
                (AvroFixedType r, AvroFixedType w) => CheckNames(r, w, location).Merge(CheckFixedSize(r, w, location)),
                (AvroEnumType r, AvroEnumType w) => CheckNames(r, w, location).Merge(CheckEnumSymbols(r, w, location)),
                (AvroRecordType r, AvroRecordType w) => CheckNames(r, w, location).Merge(CheckRecordFields(r, w, location)),
                (AvroUnionType r, AvroUnionType w) => CheckWriterUnionBranches(r, w, location),
                _ => Result.Compatible,
            };
        }

        if (writer is AvroUnionType writerUnion)
        {
            var result = Result.Compatible;
            for (var i = 0; i < writerUnion.Branches.Count; i++)
            {
                result = result.Merge(Check(i.ToString(System.Globalization.CultureInfo.InvariantCulture), reader, writerUnion.Branches[i], location));
            }

            return result;
        }

        var promotable = (reader.Kind, writer.Kind) switch
        {
            (AvroTypeKind.Long, AvroTypeKind.Int) => true,
            (AvroTypeKind.Float, AvroTypeKind.Int or AvroTypeKind.Long) => true,
            (AvroTypeKind.Double, AvroTypeKind.Int or AvroTypeKind.Long or AvroTypeKind.Float) => true,
            (AvroTypeKind.Bytes, AvroTypeKind.String) => true,
            (AvroTypeKind.String, AvroTypeKind.Bytes) => true,
            _ => false,
        };
        if (promotable)
        {
            return Result.Compatible;
        }

        if (reader is AvroUnionType readerUnion)
        {
            return readerUnion.Branches.Any(branch => Fresh(branch, writer).IsCompatible)
                ? Result.Compatible
                : Result.Incompatible(AvroIncompatibilityKinds.MissingUnionBranch, $"reader union lacking writer type: {writer.Kind.JavaName()}", location);
        }

        return Result.Incompatible(AvroIncompatibilityKinds.TypeMismatch,
            $"reader type: {reader.Kind.JavaName()} not compatible with writer type: {writer.Kind.JavaName()}", location);
    }

    private Result CheckWriterUnionBranches(AvroUnionType reader, AvroUnionType writer, List<string> location)
    {
        var result = Result.Compatible;
        for (var i = 0; i < writer.Branches.Count; i++)
        {
            location.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!Fresh(reader, writer.Branches[i]).IsCompatible)
            {
                result = result.Merge(Result.Incompatible(AvroIncompatibilityKinds.MissingUnionBranch,
                    $"reader union lacking writer type: {writer.Branches[i].Kind.JavaName()}", location));
            }

            location.RemoveAt(location.Count - 1);
        }

        return result;
    }

    private Result CheckRecordFields(AvroRecordType reader, AvroRecordType writer, List<string> location)
    {
        var result = Result.Compatible;
        location.Add("fields");
        foreach (var readerField in reader.Fields)
        {
            location.Add(readerField.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var writerField = FindWriterField(writer, readerField);
            if (writerField is not null)
            {
                result = result.Merge(Check("type", readerField.Type, writerField.Type, location));
            }
            else if (!readerField.HasDefault)
            {
                // Java Avro checks an enum field that has an enum default against the whole writer record (a type mismatch).
                result = result.Merge(readerField.Type is AvroEnumType { Default: not null }
                    ? Check("type", readerField.Type, writer, location)
                    : Result.Incompatible(AvroIncompatibilityKinds.ReaderFieldMissingDefaultValue, readerField.Name, location));
            }

            location.RemoveAt(location.Count - 1);
        }

        location.RemoveAt(location.Count - 1);
        return result;
    }

    /// <summary>The writer field a reader field reads: the one with its name, or with one of its aliases.</summary>
    public static AvroField? FindWriterField(AvroRecordType writer, AvroField readerField) =>
        writer.FindField(readerField.Name) ?? readerField.Aliases.Select(writer.FindField).FirstOrDefault(f => f is not null);

    private static Result CheckEnumSymbols(AvroEnumType reader, AvroEnumType writer, List<string> location)
    {
        var missing = writer.Symbols.Except(reader.Symbols).Order(StringComparer.Ordinal).ToList();
        return missing.Count == 0 || reader.Default is not null
            ? Result.Compatible
            : Result.Incompatible(AvroIncompatibilityKinds.MissingEnumSymbols, $"[{string.Join(", ", missing)}]", [.. location, "symbols"]);
    }

    private static Result CheckFixedSize(AvroFixedType reader, AvroFixedType writer, List<string> location) =>
        reader.Size == writer.Size
            ? Result.Compatible
            : Result.Incompatible(AvroIncompatibilityKinds.FixedSizeMismatch, $"expected: {writer.Size}, found: {reader.Size}", [.. location, "size"]);

    private static Result CheckNames(AvroNamedType reader, AvroNamedType writer, List<string> location) =>
        NamesMatch(reader, writer)
            ? Result.Compatible
            : Result.Incompatible(AvroIncompatibilityKinds.NameMismatch, $"expected: {writer.FullName}", [.. location, "name"]);

    /// <summary>Java Avro 1.12's <c>schemaNameEquals</c>: equal simple names, or the writer's full name among the reader's aliases.</summary>
    public static bool NamesMatch(AvroNamedType reader, AvroNamedType writer) =>
        reader.Name.Name == writer.Name.Name || reader.AliasFullNames.Contains(writer.FullName);

    private sealed class Result(bool isCompatible, IReadOnlyList<AvroIncompatibility> incompatibilities)
    {
        public static readonly Result Compatible = new(true, []);

        public bool IsCompatible { get; } = isCompatible;

        public IReadOnlyList<AvroIncompatibility> Incompatibilities { get; } = incompatibilities;

        public static Result Incompatible(string kind, string detail, List<string> location) =>
            new(false, [new AvroIncompatibility(kind, Pointer(location), detail)]);

        public Result Merge(Result other) =>
            other.Incompatibilities.Count == 0 && other.IsCompatible ? this : new(IsCompatible && other.IsCompatible, [.. Incompatibilities, .. other.Incompatibilities]);

        /// <summary>Java's <c>Incompatibility.getLocation()</c>: the tokens after the root, as an escaped JSON pointer.</summary>
        private static string Pointer(List<string> location) =>
            "/" + string.Join("/", location.Skip(1).Select(token => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
    }
}
