using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Syntax;
using static Google.Protobuf.Reflection.FieldDescriptorProto.Types;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>The checks protoc makes once names are resolved (descriptor.cc, DescriptorBuilder::Validate*).</summary>
internal sealed partial class DescriptorBuilder
{
    /// <summary>Field numbers 19000 to 19999 are reserved for the protobuf implementation (protobuf.dev "Assigning Field Numbers").</summary>
    private const int FirstReservedNumber = 19_000;
    private const int LastReservedNumber = 19_999;

    private static void RefuseImplementationReservedNumber(FieldElement field)
    {
        if (field.Number is >= FirstReservedNumber and <= LastReservedNumber)
        {
            throw new ProtoSchemaException(field.Line, field.Column,
                $"field numbers {FirstReservedNumber} through {LastReservedNumber} are reserved for the protocol buffer library implementation; field \"{field.Name}\" uses {field.Number}");
        }
    }

    private void ValidateMessage(MessageElement element, DescriptorProto message, string fullName)
    {
        var byNumber = new Dictionary<int, string>();
        foreach (var field in element.Fields)
        {
            if (byNumber.TryGetValue(field.Number, out var other))
            {
                throw new ProtoSchemaException(field.Line, field.Column,
                    $"field number {field.Number} has already been used in \"{fullName}\" by field \"{other}\"");
            }

            byNumber[field.Number] = field.Name;
            RefuseImplementationReservedNumber(field);

            if (message.ReservedRange.Any(r => r.Start <= field.Number && field.Number < r.End))
            {
                throw new ProtoSchemaException(field.Line, field.Column,
                    $"field \"{field.Name}\" uses reserved number {field.Number}");
            }

            if (message.ReservedName.Contains(field.Name))
            {
                throw new ProtoSchemaException(field.Line, field.Column, $"field name \"{field.Name}\" is reserved");
            }

            if (message.ExtensionRange.Any(r => r.Start <= field.Number && field.Number < r.End))
            {
                throw new ProtoSchemaException(field.Line, field.Column,
                    $"extension range includes field \"{field.Name}\" ({field.Number})");
            }

            if (field.MapKey is not null && ProtocConventions.ScalarTypes.ContainsKey(field.MapValue!) is false)
            {
                var value = _symbols.Find(_resolvedTypes[field][1..]);
                if (value?.Message?.Options?.MapEntry == true)
                {
                    throw new ProtoSchemaException(field.Line, field.Column, "map values cannot be maps");
                }
            }
        }

        ValidateJsonNames(element, fullName);
        ValidateProto3Enums(element, message);
        ValidateRanges(element);
        ValidateFieldOptions(element, message);
    }

    // Reserved ranges may not overlap each other, nor extension ranges each other or a reserved range.
    private static void ValidateRanges(MessageElement element)
    {
        var reserved = element.Reserveds.SelectMany(r => r.Ranges.Select(range => (Range: range, r.Line, r.Column))).ToList();
        CheckNoOverlap(reserved, "Reserved range", "already-defined range");
        var extensions = element.ExtensionRanges.SelectMany(e => e.Ranges.Select(range => (Range: range, e.Line, e.Column))).ToList();
        CheckNoOverlap(extensions, "Extension range", "already-defined range");
        foreach (var extension in extensions)
        {
            if (reserved.FirstOrDefault(r => Overlaps(r.Range, extension.Range)) is { Range: not null } clash)
            {
                throw new ProtoSchemaException(extension.Line, extension.Column,
                    $"extension range {extension.Range.Start} to {extension.Range.End} overlaps with reserved range {clash.Range.Start} to {clash.Range.End}");
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in element.Reserveds)
        {
            foreach (var name in statement.Names.Where(name => !names.Add(name)))
            {
                throw new ProtoSchemaException(statement.Line, statement.Column, $"field name \"{name}\" is reserved multiple times");
            }
        }
    }

    private static void CheckNoOverlap(List<(NumberRange Range, int Line, int Column)> ranges, string what, string other)
    {
        for (var i = 1; i < ranges.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Overlaps(ranges[i].Range, ranges[j].Range))
                {
                    throw new ProtoSchemaException(ranges[i].Line, ranges[i].Column,
                        $"{what.ToLowerInvariant()} {ranges[i].Range.Start} to {ranges[i].Range.End} overlaps with {other} {ranges[j].Range.Start} to {ranges[j].Range.End}");
                }
            }
        }
    }

    private static bool Overlaps(NumberRange a, NumberRange b) => a.Start <= b.End && b.Start <= a.End;

    // packed applies to repeated fields of scalar number types only, jstype to 64-bit integers only (descriptor.proto).
    private static void ValidateFieldOptions(MessageElement element, DescriptorProto message)
    {
        for (var i = 0; i < element.Fields.Count; i++)
        {
            var field = message.Field[i];
            var packed = element.Fields[i].Options.FirstOrDefault(o => o.Name == "packed");
            if (packed is not null && (field.Label != Label.Repeated || field.Type is Type.String or Type.Bytes or Type.Message or Type.Group))
            {
                throw new ProtoSchemaException(packed.Line, packed.Column, "[packed = true] can only be specified for repeated primitive fields");
            }

            if (element.Fields[i].Options.Any(o => o.Name == "jstype") && field.Type is not (Type.Int64 or Type.Uint64 or Type.Sint64 or Type.Fixed64 or Type.Sfixed64))
            {
                throw new ProtoSchemaException(element.Fields[i].Line, element.Fields[i].Column,
                    "jstype is only allowed on int64, uint64, sint64, fixed64 or sfixed64 fields");
            }
        }
    }

    // proto3 fields whose JSON names collide would make the JSON mapping ambiguous (protoc's
    // CheckFieldJsonNameUniqueness; only a warning in proto2). Names compare case-sensitively.
    private void ValidateJsonNames(MessageElement element, string fullName)
    {
        if (!IsProto3)
        {
            return;
        }

        var seen = new Dictionary<string, FieldElement>(StringComparer.Ordinal);
        foreach (var field in element.Fields)
        {
            var jsonName = field.JsonName ?? ProtocConventions.JsonName(field.Name);
            if (seen.TryGetValue(jsonName, out var other))
            {
                throw new ProtoSchemaException(field.Line, field.Column,
                    $"the {Kind(field)} JSON name of field \"{field.Name}\" (\"{jsonName}\") conflicts with the {Kind(other)} JSON name of field \"{other.Name}\" in \"{fullName}\"");
            }

            seen[jsonName] = field;
        }

        static string Kind(FieldElement field) => field.JsonName is null ? "default" : "custom";
    }

    // A proto3 message may only use open enums, i.e. enums declared in proto3 files (protobuf.dev "Enum Behavior").
    private void ValidateProto3Enums(MessageElement element, DescriptorProto message)
    {
        if (!IsProto3)
        {
            return;
        }

        for (var i = 0; i < element.Fields.Count; i++)
        {
            var field = message.Field[i];
            if (field.Type != Type.Enum)
            {
                continue;
            }

            var symbol = _symbols.Find(field.TypeName[1..])!;
            var file = symbol.File == _file.Name ? _file : _dependencies.SelectMany(d => d.SelfAndDependencies()).First(d => d.Name == symbol.File).Descriptor;
            if (file.Syntax != "proto3" && file.Syntax != "editions")
            {
                throw new ProtoSchemaException(element.Fields[i].Line, element.Fields[i].Column,
                    $"enum type \"{symbol.FullName}\" is not a proto3 enum, but is used in \"{field.Name}\" which is a proto3 message type");
            }
        }
    }

    private void ValidateEnum(EnumElement element, EnumDescriptorProto enumType)
    {
        if (IsProto3 && element.Constants[0].Number != 0)
        {
            var first = element.Constants[0];
            throw new ProtoSchemaException(first.Line, first.Column, "the first enum value must be zero in proto3");
        }

        var allowAlias = enumType.Options?.AllowAlias == true;
        var byNumber = new Dictionary<int, string>();
        var aliased = false;
        foreach (var constant in element.Constants)
        {
            if (byNumber.TryGetValue(constant.Number, out var other))
            {
                aliased = true;
                if (!allowAlias)
                {
                    throw new ProtoSchemaException(constant.Line, constant.Column,
                        $"\"{constant.Name}\" uses the same enum value as \"{other}\"; set option allow_alias = true to allow this");
                }
            }

            byNumber.TryAdd(constant.Number, constant.Name);
            if (enumType.ReservedRange.Any(r => r.Start <= constant.Number && constant.Number <= r.End))
            {
                throw new ProtoSchemaException(constant.Line, constant.Column, $"enum value \"{constant.Name}\" uses reserved number {constant.Number}");
            }

            if (enumType.ReservedName.Contains(constant.Name))
            {
                throw new ProtoSchemaException(constant.Line, constant.Column, $"enum value name \"{constant.Name}\" is reserved");
            }
        }

        var reserved = element.Reserveds.SelectMany(r => r.Ranges.Select(range => (Range: range, r.Line, r.Column))).ToList();
        CheckNoOverlap(reserved, "Reserved range", "already-defined range");
        if (allowAlias && !aliased)
        {
            throw new ProtoSchemaException(element.Line, element.Column,
                $"\"{element.Name}\" declares support for enum aliases but no enum values share field numbers; remove 'option allow_alias = true;'");
        }
    }
}
