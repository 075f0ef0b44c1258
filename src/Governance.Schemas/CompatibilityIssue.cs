namespace Governance.Schemas;

/// <summary>
/// One reason why a schema cannot read data written with another.
/// </summary>
/// <param name="Kind">The format checker's name for it, as Confluent names it, e.g. <c>READER_FIELD_MISSING_DEFAULT_VALUE</c>,
/// <c>FIELD_SCALAR_KIND_CHANGED</c>, <c>PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL</c>.</param>
/// <param name="Path">Where it is: a JSON pointer for Avro and JSON Schema, Confluent's <c>#/Message/field</c> path for Protobuf.</param>
/// <param name="Message">The line Confluent puts in a verbose compatibility answer, complete.</param>
public sealed record CompatibilityIssue(string Kind, string Path, string Message);
