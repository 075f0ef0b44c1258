namespace Governance.Broker.Validation;

/// <summary>A topic's schema validation configs, with Confluent Server's names.</summary>
/// <param name="ValidateKeys">confluent.key.schema.validation: every key must carry a schema id registered under <c>&lt;topic&gt;-key</c>.</param>
/// <param name="ValidateValues">confluent.value.schema.validation: every value must carry a schema id registered under <c>&lt;topic&gt;-value</c>.</param>
public readonly record struct SchemaValidationSettings(bool ValidateKeys, bool ValidateValues)
{
    public bool IsEnabled => ValidateKeys || ValidateValues;
}
