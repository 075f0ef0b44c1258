namespace Governance.Registry;

/// <summary>Confluent's registry modes (<c>storage/Mode.java</c>). The global default is <see cref="ReadWrite"/>.</summary>
public enum RegistryMode
{
    ReadWrite,
    ReadOnly,
    ReadOnlyOverride,
    Import,
}
