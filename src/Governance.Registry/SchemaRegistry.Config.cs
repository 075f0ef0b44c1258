namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    /// <summary>
    /// The global configuration (the default level filled in when unset), or the subject's own; for a subject without one,
    /// the global configuration with <paramref name="defaultToGlobal"/>, 40408 otherwise.
    /// </summary>
    public Task<RegistryConfig> GetConfigAsync(string? subject, bool defaultToGlobal, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            if (subject is not null && await transaction.GetConfigAsync(subject, cancellationToken) is { } own)
            {
                return own;
            }

            if (subject is not null && !defaultToGlobal)
            {
                throw RegistryErrors.SubjectCompatibilityNotConfigured(subject);
            }

            return await GetConfigInScopeAsync(transaction, null, cancellationToken);
        }, cancellationToken);

    /// <summary>Sets the fields the request sets, keeping the others at this level, and answers the configuration given.</summary>
    public Task<RegistryConfig> SetConfigAsync(string? subject, RegistryConfig config, CancellationToken cancellationToken)
    {
        if (subject is not null)
        {
            SubjectName.Validate(subject);
        }

        return _store.WriteAsync(subject, async transaction =>
        {
            var current = await transaction.GetConfigAsync(subject, cancellationToken);
            await transaction.SetConfigAsync(subject, Merge(current ?? new RegistryConfig(null), config), cancellationToken);
            return config;
        }, cancellationToken);
    }

    /// <summary>Removes the configuration at this level and answers what it was; the global level returns to its defaults.</summary>
    public Task<RegistryConfig> DeleteConfigAsync(string? subject, CancellationToken cancellationToken) =>
        _store.WriteAsync(subject, async transaction =>
        {
            var current = subject is null
                ? await GetConfigInScopeAsync(transaction, null, cancellationToken)
                : await transaction.GetConfigAsync(subject, cancellationToken) ?? throw RegistryErrors.SubjectCompatibilityNotConfigured(subject);
            await transaction.RemoveConfigAsync(subject, cancellationToken);
            return current;
        }, cancellationToken);
}
