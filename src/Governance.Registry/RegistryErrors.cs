namespace Governance.Registry;

/// <summary>
/// The refusals the registry answers with, worded as Confluent Schema Registry words them
/// (<c>rest/exceptions/Errors.java</c> and the exception classes beside it), so that clients matching on messages keep working.
/// </summary>
public static class RegistryErrors
{
    /// <summary>
    /// The default context as Confluent's messages name it: <c>QualifiedSubject.qualifiedContextFor</c> renders it as the
    /// empty string, hence "in context  is" with two spaces.
    /// </summary>
    public const string DefaultContext = "";

    public static RegistryException SubjectNotFound(string subject) =>
        new(RegistryErrorCode.SubjectNotFound, $"Subject '{subject}' not found.");

    public static RegistryException VersionNotFound(int version) =>
        new(RegistryErrorCode.VersionNotFound, $"Version {version} not found.");

    public static RegistryException SchemaNotFound() =>
        new(RegistryErrorCode.SchemaNotFound, "Schema not found");

    public static RegistryException SchemaNotFound(int id) =>
        new(RegistryErrorCode.SchemaNotFound, $"Schema {id} not found");

    public static RegistryException SubjectSoftDeleted(string subject) =>
        new(RegistryErrorCode.SubjectSoftDeleted, $"Subject '{subject}' was soft deleted.Set permanent=true to delete permanently");

    public static RegistryException SubjectNotSoftDeleted(string subject) =>
        new(RegistryErrorCode.SubjectNotSoftDeleted, $"Subject '{subject}' was not deleted first before being permanently deleted");

    public static RegistryException VersionSoftDeleted(string subject, VersionSpec version) =>
        new(RegistryErrorCode.SchemaVersionSoftDeleted, $"Subject '{subject}' Version {version} was soft deleted.Set permanent=true to delete permanently");

    public static RegistryException VersionNotSoftDeleted(string subject, VersionSpec version) =>
        new(RegistryErrorCode.SchemaVersionNotSoftDeleted, $"Subject '{subject}' Version {version} was not deleted first before being permanently deleted");

    public static RegistryException SubjectCompatibilityNotConfigured(string subject) =>
        new(RegistryErrorCode.SubjectLevelCompatibilityNotConfigured, $"Subject '{subject}' does not have subject-level compatibility configured");

    public static RegistryException SubjectModeNotConfigured(string subject) =>
        new(RegistryErrorCode.SubjectLevelModeNotConfigured, $"Subject '{subject}' does not have subject-level mode configured");

    /// <summary>40901, with the compatibility messages rendered as a Java list, as Confluent's register endpoint does.</summary>
    public static RegistryException Incompatible(string subject, IReadOnlyList<string> messages) =>
        new(RegistryErrorCode.IncompatibleSchema,
            $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\", details: [{string.Join(", ", messages)}]");

    public static RegistryException InvalidSchema(string message) => new(RegistryErrorCode.InvalidSchema, message);

    public static RegistryException InvalidCompatibilityLevel() =>
        new(RegistryErrorCode.InvalidCompatibilityLevel,
            "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive");

    public static RegistryException InvalidMode() =>
        new(RegistryErrorCode.InvalidMode, "Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.");

    public static RegistryException ReadOnly(string? subject) =>
        new(RegistryErrorCode.OperationNotPermitted, $"Subject {subject} in context {DefaultContext} is in read-only mode");

    public static RegistryException NotInImportMode(string subject) =>
        new(RegistryErrorCode.OperationNotPermitted, $"Subject {subject} in context {DefaultContext} is not in import mode");

    public static RegistryException NotInReadWriteMode(string subject) =>
        new(RegistryErrorCode.OperationNotPermitted, $"Subject {subject} in context {DefaultContext} is not in read-write mode");

    public static RegistryException ImportNeedsEmptyRegistry() =>
        new(RegistryErrorCode.OperationNotPermitted, "Cannot import since found existing subjects");

    public static RegistryException IdTakenByAnotherSchema(int id) =>
        new(RegistryErrorCode.OperationNotPermitted, $"Overwrite new schema with id {id} in context {DefaultContext} is not permitted.");

    public static RegistryException VersionTakenByAnotherSchema(string subject, int version) =>
        new(RegistryErrorCode.OperationNotPermitted, $"Overwrite new schema with version {version} in subject {subject} is not permitted.");

    public static RegistryException ReferenceExists(string subject, int version) =>
        new(RegistryErrorCode.ReferenceExists,
            $"One or more references exist to the schema {{magic=1,keytype=SCHEMA,subject={subject},version={version}}}.");

    public static RegistryException IdDoesNotMatch(int existingId, int requestedId) =>
        new(RegistryErrorCode.IdDoesNotMatch, $"Schema already registered with id {existingId} instead of input id {requestedId}");

    public static RegistryException InvalidSubject(string subject) =>
        new(RegistryErrorCode.InvalidSubject, $"The specified subject '{subject}' is not a valid.");

    /// <summary>Confluent's words, then the sizes (Confluent's limit is the Kafka record size; ours is configured).</summary>
    public static RegistryException SchemaTooLarge(int length, int limit) =>
        new(RegistryErrorCode.SchemaTooLarge, $"Write failed because schema is too large: {length} characters, the limit is {limit}");
}
