namespace Governance.Registry;

/// <summary>
/// A version as a path names it: a number from 1 to 2^31-1, or <c>latest</c> (also written <c>-1</c>),
/// as Confluent's <c>rest/VersionId.java</c> accepts it.
/// </summary>
public readonly record struct VersionSpec(int Number)
{
    public static readonly VersionSpec Latest = new(-1);

    public bool IsLatest => Number == -1;

    /// <exception cref="RegistryException">42202 when the text is no valid version.</exception>
    public static VersionSpec Parse(string text)
    {
        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase))
        {
            return Latest;
        }

        if (int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && (number == -1 || number >= 1))
        {
            return new VersionSpec(number);
        }

        throw new RegistryException(
            RegistryErrorCode.InvalidVersion,
            $"The specified version '{text}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
    }

    public override string ToString() => IsLatest ? "latest" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
