namespace Governance.Registry;

/// <summary>The answer to a compatibility test: Confluent's <c>{is_compatible, messages}</c>.</summary>
/// <param name="Messages">Empty unless the caller asked for verbose output; then every incompatibility, in Confluent's wording.</param>
public sealed record CompatibilityCheckResult(bool IsCompatible, IReadOnlyList<string> Messages);
