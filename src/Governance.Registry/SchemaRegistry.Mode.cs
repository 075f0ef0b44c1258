using Governance.Registry.Storage;

namespace Governance.Registry;

public sealed partial class SchemaRegistry
{
    public Task<RegistryMode> GetModeAsync(string? subject, bool defaultToGlobal, CancellationToken cancellationToken) =>
        _store.ReadAsync(async transaction =>
        {
            if (subject is not null && await transaction.GetModeAsync(subject, cancellationToken) is { } own)
            {
                return own;
            }

            if (subject is not null && !defaultToGlobal)
            {
                throw RegistryErrors.SubjectModeNotConfigured(subject);
            }

            return await transaction.GetModeAsync(null, cancellationToken) ?? RegistryMode.ReadWrite;
        }, cancellationToken);

    /// <summary>
    /// Sets the mode. Entering IMPORT without <paramref name="force"/> needs no live subject in scope (42205 otherwise) and,
    /// as Confluent's ClearSubject record does, drops the soft-deleted versions in scope so imported ones cannot clash.
    /// </summary>
    public Task<RegistryMode> SetModeAsync(string? subject, RegistryMode mode, bool force, CancellationToken cancellationToken)
    {
        if (subject is not null)
        {
            SubjectName.Validate(subject);
        }

        return _store.WriteAsync(subject, async transaction =>
        {
            var current = subject is null
                ? await transaction.GetModeAsync(null, cancellationToken) ?? RegistryMode.ReadWrite
                : await GetModeInScopeAsync(transaction, subject, cancellationToken);
            if (mode == RegistryMode.Import && current != RegistryMode.Import && !force)
            {
                var inScope = subject is null
                    ? await transaction.GetVersionsWithPrefixAsync(string.Empty, cancellationToken)
                    : await transaction.GetVersionsAsync(subject, cancellationToken);
                if (inScope.Any(v => !v.Deleted))
                {
                    throw RegistryErrors.ImportNeedsEmptyRegistry();
                }

                foreach (var deleted in inScope)
                {
                    await RemoveVersionAsync(transaction, deleted, cancellationToken);
                }
            }

            await transaction.SetModeAsync(subject, mode, cancellationToken);
            return mode;
        }, cancellationToken);
    }

    /// <summary>Removes the mode at this level and answers what it was (the global level returns to READWRITE); 40409 for a subject without one.</summary>
    public Task<RegistryMode> DeleteModeAsync(string? subject, CancellationToken cancellationToken) =>
        _store.WriteAsync(subject, async transaction =>
        {
            var current = await transaction.GetModeAsync(subject, cancellationToken);
            if (current is null && subject is not null)
            {
                throw RegistryErrors.SubjectModeNotConfigured(subject);
            }

            await transaction.RemoveModeAsync(subject, cancellationToken);
            return current ?? RegistryMode.ReadWrite;
        }, cancellationToken);
}
