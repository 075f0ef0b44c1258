using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Descriptors;
using Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Governance.Schemas.Protobuf.Compatibility;

/// <summary>
/// A field as Confluent's checker sees it (a Wire FieldElement): its label as written, so null for proto3 singular
/// fields and oneof members; its type as a scalar keyword or a fully-qualified name; its real oneof, if any
/// (proto3 <c>optional</c> fields are top-level fields here, not members of their synthetic oneof).
/// </summary>
internal sealed record FieldView(string Name, int Number, string? Label, string TypeName, string? OneOf)
{
    public static List<FieldView> Of(DescriptorProto message, bool proto3)
    {
        var views = new List<FieldView>();
        foreach (var field in message.Field)
        {
            var oneOf = field.HasOneofIndex && !field.Proto3Optional ? message.OneofDecl[field.OneofIndex].Name : null;
            string? label = field.Label switch
            {
                _ when oneOf is not null => null,
                FieldDescriptorProto.Types.Label.Repeated => "REPEATED",
                FieldDescriptorProto.Types.Label.Required => "REQUIRED",
                _ when field.Proto3Optional => "OPTIONAL",
                _ => proto3 ? null : "OPTIONAL",
            };
            var typeName = field.Type is Type.Message or Type.Enum or Type.Group
                ? field.TypeName
                : ProtocConventions.ScalarName(field.Type);
            views.Add(new FieldView(field.Name, field.Number, label, typeName, oneOf));
        }

        return views;
    }
}
