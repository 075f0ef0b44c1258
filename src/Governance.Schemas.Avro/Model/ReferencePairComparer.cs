using System.Runtime.CompilerServices;

namespace Governance.Schemas.Avro.Model;

/// <summary>Compares pairs of schema nodes by identity, so walks over recursive schemas can remember pairs already seen.</summary>
internal sealed class ReferencePairComparer : IEqualityComparer<(AvroType First, AvroType Second)>
{
    public static readonly ReferencePairComparer Instance = new();

    public bool Equals((AvroType First, AvroType Second) x, (AvroType First, AvroType Second) y) =>
        ReferenceEquals(x.First, y.First) && ReferenceEquals(x.Second, y.Second);

    public int GetHashCode((AvroType First, AvroType Second) pair) =>
        HashCode.Combine(RuntimeHelpers.GetHashCode(pair.First), RuntimeHelpers.GetHashCode(pair.Second));
}
