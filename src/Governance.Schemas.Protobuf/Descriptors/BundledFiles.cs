using System.Reflection;

namespace Governance.Schemas.Protobuf.Descriptors;

/// <summary>
/// The <c>.proto</c> files every schema may import without a reference, as in Confluent Schema Registry: Google's
/// well-known types (<c>google/protobuf/*.proto</c>), the common <c>google/type/*.proto</c> files and Confluent's
/// <c>confluent/meta.proto</c> and <c>confluent/type/decimal.proto</c>. Embedded as resources named by import path.
/// </summary>
internal static class BundledFiles
{
    private static readonly Assembly Assembly = typeof(BundledFiles).Assembly;

    public static IReadOnlyList<string> Paths { get; } = [.. Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".proto", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    public static string? Find(string importPath)
    {
        using var stream = Assembly.GetManifestResourceStream(importPath);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
