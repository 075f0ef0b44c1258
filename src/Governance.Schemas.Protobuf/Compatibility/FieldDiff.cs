namespace Governance.Schemas.Protobuf.Compatibility;

/// <summary>
/// Compares two versions of one field as Confluent's FieldSchemaDiff does: name, then kind (scalar, map, message;
/// enums count as scalars), then within scalars the interchangeable groups of the protobuf language guide
/// ("Updating A Message Type") and the label, within maps the key and value types, within messages the type's name
/// and, when it comes from a different source, its contents.
/// </summary>
internal static class FieldDiff
{
    private enum Kind
    {
        Scalar,
        Map,
        Message,
    }

    public static void Compare(DiffContext context, FieldView original, FieldView update)
    {
        if (original.Name != update.Name)
        {
            context.Add("FIELD_NAME_CHANGED");
        }

        CompareLabelsAndTypes(context, original.Label, update.Label, original.TypeName, update.TypeName);
    }

    private static void CompareLabelsAndTypes(DiffContext context, string? originalLabel, string? updateLabel, string originalType, string updateType)
    {
        var originalKind = KindOf(context, originalType, original: true);
        var updateKind = KindOf(context, updateType, original: false);
        if (originalKind != updateKind)
        {
            context.Add("FIELD_KIND_CHANGED");
            return;
        }

        switch (originalKind)
        {
            case Kind.Scalar:
                CompareScalars(context, originalLabel, updateLabel, originalType, updateType);
                break;
            case Kind.Map:
                var originalEntry = context.Type(originalType, original: true)!.Message!;
                var updateEntry = context.Type(updateType, original: false)!.Message!;
                foreach (var number in new[] { 1, 2 })
                {
                    var originalPart = FieldView.Of(originalEntry, proto3: true).First(f => f.Number == number);
                    var updatePart = FieldView.Of(updateEntry, proto3: true).First(f => f.Number == number);
                    CompareLabelsAndTypes(context, null, null, originalPart.TypeName, updatePart.TypeName);
                }

                break;
            default:
                CompareMessages(context, originalType, updateType);
                break;
        }
    }

    private static Kind KindOf(DiffContext context, string typeName, bool original)
    {
        if (!typeName.StartsWith('.'))
        {
            return Kind.Scalar;
        }

        var type = context.Type(typeName, original);
        return type switch
        {
            { Enum: not null } => Kind.Scalar,
            { IsMap: true } => Kind.Map,
            _ => Kind.Message,
        };
    }

    private static void CompareScalars(DiffContext context, string? originalLabel, string? updateLabel, string originalType, string updateType)
    {
        var originalGroup = ScalarGroup(originalType);
        if (originalGroup != ScalarGroup(updateType))
        {
            context.Add("FIELD_SCALAR_KIND_CHANGED");
        }
        else if (originalLabel is not null && updateLabel is not null && originalLabel != updateLabel)
        {
            context.Add(originalGroup == "STRING_OR_BYTES" ? "FIELD_STRING_OR_BYTES_LABEL_CHANGED" : "FIELD_NUMERIC_LABEL_CHANGED");
        }
    }

    /// <summary>Scalar types that read each other's encoding; enums read as int32 (language guide, "Updating A Message Type").</summary>
    private static string ScalarGroup(string typeName) => typeName switch
    {
        _ when typeName.StartsWith('.') => "GENERAL_NUMBER",
        "int32" or "int64" or "uint32" or "uint64" or "bool" => "GENERAL_NUMBER",
        "sint32" or "sint64" => "SIGNED_NUMBER",
        "string" or "bytes" => "STRING_OR_BYTES",
        "fixed32" or "sfixed32" => "FIXED32",
        "fixed64" or "sfixed64" => "FIXED64",
        _ => typeName.ToUpperInvariant(),
    };

    private static void CompareMessages(DiffContext context, string originalType, string updateType)
    {
        var originalInfo = context.Type(originalType, original: true);
        var updateInfo = context.Type(updateType, original: false);
        if (originalInfo is null || updateInfo is null)
        {
            if (originalType != updateType)
            {
                context.Add("FIELD_NAMED_TYPE_CHANGED");
            }

            return;
        }

        var originalLocal = LocalName(originalType, originalInfo.Package);
        var updateLocal = LocalName(updateType, updateInfo.Package);
        if (originalLocal != updateLocal)
        {
            context.Add("FIELD_NAMED_TYPE_CHANGED");
            return;
        }

        // Types from the same source (both in the schema, or the same referenced file) need no deeper look.
        if (originalInfo.Source is not null && originalInfo.Source == updateInfo.Source)
        {
            return;
        }

        var sub = context.Subcontext(originalLocal);
        MessageDiff.Compare(sub, originalInfo.Message!, updateInfo.Message!, IsProto3(originalInfo), IsProto3(updateInfo));
        context.Differences.AddRange(sub.Differences);
        if (!sub.IsCompatible)
        {
            context.Add("FIELD_NAMED_TYPE_CHANGED");
        }
    }

    private static bool IsProto3(TypeInfo type) => type.Proto3;

    private static string LocalName(string typeName, string package)
    {
        var fullName = typeName.TrimStart('.');
        return package.Length > 0 && fullName.StartsWith(package + ".", StringComparison.Ordinal) ? fullName[(package.Length + 1)..] : fullName;
    }
}
