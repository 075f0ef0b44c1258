using System.Text.Json;

namespace Governance.Schemas.Avro.Model;

/// <summary>A custom attribute of a schema or field that Avro does not interpret (kept and written back as given).</summary>
public sealed record AvroProperty(string Name, JsonElement Value);
