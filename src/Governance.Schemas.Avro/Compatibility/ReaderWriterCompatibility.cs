using System.Runtime.InteropServices;
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
    private readonly CheckLocation _stack = CheckLocation.NewStack();

    private ReaderWriterCompatibility()
    {
    }

    public static IReadOnlyList<AvroIncompatibility> Check(AvroType reader, AvroType writer) =>
        new ReaderWriterCompatibility().Fresh(reader, writer).Incompatibilities;

    /// <summary>Java's two-argument <c>getCompatibility</c>: checks a pair from a new root location.</summary>
    private Result Fresh(AvroType reader, AvroType writer) => Check("", reader, writer, _stack.StartOver());

    private Result Check(string token, AvroType reader, AvroType writer, CheckLocation location)
    {
        location.Push(token);
        var result = CheckAtTop(reader, writer, location);
        location.Pop();
        return result;
    }

    private Result Check(int token, AvroType reader, AvroType writer, CheckLocation location)
    {
        location.Push(token);
        var result = CheckAtTop(reader, writer, location);
        location.Pop();
        return result;
    }

    /// <summary>Checks a pair once per check: later meetings reuse the result (with the location it was first found at).</summary>
    private Result CheckAtTop(AvroType reader, AvroType writer, CheckLocation location)
    {
        ref var known = ref CollectionsMarshal.GetValueRefOrAddDefault(_memo, (reader, writer), out var seen);
        if (seen)
        {
            // null marks a pair whose check is in progress: assume compatible unless proven otherwise.
            return known ?? Result.Compatible;
        }

        // The new entry already holds null ("in progress"); the reference into the dictionary is stale once it grows.
        var result = Calculate(reader, writer, location);
        _memo[(reader, writer)] = result;
        return result;
    }
    private Result Calculate(AvroType reader, AvroType writer, CheckLocation location)
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
                result = result.Merge(Check(i, reader, writerUnion.Branches[i], location));
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
            return SomeBranchReads(readerUnion, writer)
                ? Result.Compatible
                : Result.Incompatible(AvroIncompatibilityKinds.MissingUnionBranch, $"reader union lacking writer type: {writer.Kind.JavaName()}", location.Pointer());
        }

        return Result.Incompatible(AvroIncompatibilityKinds.TypeMismatch,
            $"reader type: {reader.Kind.JavaName()} not compatible with writer type: {writer.Kind.JavaName()}", location.Pointer());
    }

    private bool SomeBranchReads(AvroUnionType reader, AvroType writer)
    {
        foreach (var branch in reader.Branches)
        {
            if (Fresh(branch, writer).IsCompatible)
            {
                return true;
            }
        }

        return false;
    }

    private Result CheckWriterUnionBranches(AvroUnionType reader, AvroUnionType writer, CheckLocation location)
    {
        var result = Result.Compatible;
        for (var i = 0; i < writer.Branches.Count; i++)
        {
            location.Push(i);
            if (!Fresh(reader, writer.Branches[i]).IsCompatible)
            {
                result = result.Merge(Result.Incompatible(AvroIncompatibilityKinds.MissingUnionBranch,
                    $"reader union lacking writer type: {writer.Branches[i].Kind.JavaName()}", location.Pointer()));
            }

            location.Pop();
        }

        return result;
    }

    private Result CheckRecordFields(AvroRecordType reader, AvroRecordType writer, CheckLocation location)
    {
        var result = Result.Compatible;
        location.Push("fields");
        foreach (var readerField in reader.Fields)
        {
            location.Push(readerField.Position);
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
                    : Result.Incompatible(AvroIncompatibilityKinds.ReaderFieldMissingDefaultValue, readerField.Name, location.Pointer()));
            }

            location.Pop();
        }

        location.Pop();
        return result;
    }

    /// <summary>The writer field a reader field reads: the one with its name, or with one of its aliases.</summary>
    public static AvroField? FindWriterField(AvroRecordType writer, AvroField readerField)
    {
        var byName = writer.FindField(readerField.Name);
        if (byName is not null)
        {
            return byName;
        }

        foreach (var alias in readerField.Aliases)
        {
            var byAlias = writer.FindField(alias);
            if (byAlias is not null)
            {
                return byAlias;
            }
        }

        return null;
    }

    private static Result CheckEnumSymbols(AvroEnumType reader, AvroEnumType writer, CheckLocation location)
    {
        if (reader.Default is not null || AllSymbolsKnown(reader, writer))
        {
            return Result.Compatible;
        }

        var missing = writer.Symbols.Except(reader.Symbols).Order(StringComparer.Ordinal);
        return Result.Incompatible(AvroIncompatibilityKinds.MissingEnumSymbols, $"[{string.Join(", ", missing)}]", location.Pointer("symbols"));
    }

    private static bool AllSymbolsKnown(AvroEnumType reader, AvroEnumType writer)
    {
        foreach (var symbol in writer.Symbols)
        {
            if (!reader.HasSymbol(symbol))
            {
                return false;
            }
        }

        return true;
    }

    private static Result CheckFixedSize(AvroFixedType reader, AvroFixedType writer, CheckLocation location) =>
        reader.Size == writer.Size
            ? Result.Compatible
            : Result.Incompatible(AvroIncompatibilityKinds.FixedSizeMismatch, $"expected: {writer.Size}, found: {reader.Size}", location.Pointer("size"));

    private static Result CheckNames(AvroNamedType reader, AvroNamedType writer, CheckLocation location) =>
        NamesMatch(reader, writer)
            ? Result.Compatible
            : Result.Incompatible(AvroIncompatibilityKinds.NameMismatch, $"expected: {writer.FullName}", location.Pointer("name"));

    /// <summary>Java Avro 1.12's <c>schemaNameEquals</c>: equal simple names, or the writer's full name among the reader's aliases.</summary>
    public static bool NamesMatch(AvroNamedType reader, AvroNamedType writer) =>
        reader.Name.Name == writer.Name.Name || reader.AliasFullNames.Contains(writer.FullName);

    private sealed class Result(bool isCompatible, IReadOnlyList<AvroIncompatibility> incompatibilities)
    {
        public static readonly Result Compatible = new(true, []);

        public bool IsCompatible { get; } = isCompatible;

        public IReadOnlyList<AvroIncompatibility> Incompatibilities { get; } = incompatibilities;

        public static Result Incompatible(string kind, string detail, string pointer) =>
            new(false, [new AvroIncompatibility(kind, pointer, detail)]);

        /// <summary>Both results' incompatibilities, in order; no new result when either side has nothing to add.</summary>
        public Result Merge(Result other)
        {
            if (other.Incompatibilities.Count == 0 && other.IsCompatible)
            {
                return this;
            }

            return Incompatibilities.Count == 0 && IsCompatible
                ? other
                : new(IsCompatible && other.IsCompatible, [.. Incompatibilities, .. other.Incompatibilities]);
        }
    }
}
