using Governance.Registry;

namespace Governance.Api.Http;

/// <summary>Reads Confluent's <c>RegisterSchemaRequest</c> body (register, look up, test compatibility).</summary>
public static class SchemaSubmissionReader
{
    public static SchemaSubmission Read(RequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var schema = body.String("schema");
        if (string.IsNullOrWhiteSpace(schema))
        {
            throw new RegistryException(RegistryErrorCode.InvalidSchema, "Empty schema: the request body has no 'schema' field");
        }

        return new SchemaSubmission(
            schema,
            body.String("schemaType"),
            body.Objects("references", ReadReference),
            body.RawObject("metadata"),
            body.RawObject("ruleSet"),
            body.Int32("id"),
            body.Int32("version"));
    }

    private static SchemaReference ReadReference(RequestBody reference) =>
        new(
            reference.String("name") ?? throw new RegistryException(RegistryErrorCode.InvalidSchema, "A reference has no 'name'"),
            reference.String("subject") ?? throw new RegistryException(RegistryErrorCode.InvalidSchema, "A reference has no 'subject'"),
            reference.Int32("version") ?? throw new RegistryException(RegistryErrorCode.InvalidSchema, "A reference has no 'version'"));
}
