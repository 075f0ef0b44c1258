namespace Governance.Schemas.Avro.Model;

/// <summary>
/// A valid logical type annotating a schema (Avro 1.12 specification, "Logical Types"). Precision and scale are set
/// for <c>decimal</c> only.
/// </summary>
public sealed record AvroLogicalType(string Name, int Precision = 0, int Scale = 0)
{
    public const string Decimal = "decimal";
}
