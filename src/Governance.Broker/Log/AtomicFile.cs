namespace Governance.Broker.Log;

/// <summary>
/// Replaces a small state file (topic configs, committed offsets, producer id reservations and snapshots) so that a crash
/// leaves either the old or the new content, never a mix: the bytes go to a temporary file in the same directory, are
/// forced to disk, and the temporary file is renamed over the target (rename is atomic on POSIX file systems).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        // A short unique name: the target's own name may already be as long as the file system allows (249-character topics).
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, Guid.NewGuid().ToString("N") + ".tmp");
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
