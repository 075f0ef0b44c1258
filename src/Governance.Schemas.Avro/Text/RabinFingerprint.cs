using System.Text;

namespace Governance.Schemas.Avro.Text;

/// <summary>
/// The 64-bit Rabin fingerprint CRC-64-AVRO (Avro 1.12 specification, "Schema Fingerprints"), computed over the UTF-8
/// bytes of a schema's Parsing Canonical Form.
/// </summary>
public static class RabinFingerprint
{
    /// <summary>The fingerprint of the empty input, which is also the polynomial the table is built from.</summary>
    public const ulong Empty = 0xc15d213aa4d7a795UL;

    private static readonly ulong[] Table = BuildTable();

    public static long Compute(string text) => Compute(Encoding.UTF8.GetBytes(text));

    public static long Compute(ReadOnlySpan<byte> bytes)
    {
        var fingerprint = Empty;
        foreach (var b in bytes)
        {
            fingerprint = (fingerprint >> 8) ^ Table[(int)(fingerprint ^ b) & 0xff];
        }

        return unchecked((long)fingerprint);
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var fingerprint = (ulong)i;
            for (var bit = 0; bit < 8; bit++)
            {
                fingerprint = (fingerprint >> 1) ^ (Empty & (0UL - (fingerprint & 1)));
            }

            table[i] = fingerprint;
        }

        return table;
    }
}
