namespace Governance.Registry;

/// <summary>
/// Confluent Schema Registry's <c>error_code</c> values (<c>rest/exceptions/Errors.java</c>). The first three digits are
/// the HTTP status. Numbers are part of the wire contract: never renumber.
/// </summary>
public enum RegistryErrorCode
{
    SubjectNotFound = 40401,
    VersionNotFound = 40402,
    SchemaNotFound = 40403,
    SubjectSoftDeleted = 40404,
    SubjectNotSoftDeleted = 40405,
    SchemaVersionSoftDeleted = 40406,
    SchemaVersionNotSoftDeleted = 40407,
    SubjectLevelCompatibilityNotConfigured = 40408,
    SubjectLevelModeNotConfigured = 40409,
    IncompatibleSchema = 40901,
    InvalidSchema = 42201,
    InvalidVersion = 42202,
    InvalidCompatibilityLevel = 42203,
    InvalidMode = 42204,
    OperationNotPermitted = 42205,
    ReferenceExists = 42206,
    IdDoesNotMatch = 42207,
    InvalidSubject = 42208,
    SchemaTooLarge = 42209,
    StoreError = 50001,
}
