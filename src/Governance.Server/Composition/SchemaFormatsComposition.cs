using Governance.Schemas;
using Governance.Schemas.Avro;
using Governance.Schemas.Json;
using Governance.Schemas.Protobuf;

namespace Governance.Server.Composition;

/// <summary>The schema formats the registry knows, with the limits configured under <c>Governance:Registry</c>.</summary>
public static class SchemaFormatsComposition
{
    /// <summary>How deep a schema may nest (<see cref="SchemaLimits.MaxNestingDepth"/>); a positive integer.</summary>
    public const string MaxNestingDepthKey = "Governance:Registry:MaxNestingDepth";

    /// <summary>Registers <see cref="SchemaFormats"/> (Avro, Protobuf, JSON Schema) and the <see cref="SchemaLimits"/> they share.</summary>
    /// <exception cref="InvalidOperationException">A limit is configured but is not a positive integer.</exception>
    public static IServiceCollection AddSchemaFormats(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = SchemaLimits.Default;
        if (configuration[MaxNestingDepthKey] is { } depth)
        {
            limits = int.TryParse(depth, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
                ? limits with { MaxNestingDepth = value }
                : throw new InvalidOperationException($"{MaxNestingDepthKey} must be a positive integer, not '{depth}'");
        }

        services.AddSingleton(limits);
        return services.AddSingleton(new SchemaFormats([new AvroFormat(limits), new ProtobufFormat(limits), new JsonSchemaFormat(limits)]));
    }
}
