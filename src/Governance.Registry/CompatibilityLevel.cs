namespace Governance.Registry;

/// <summary>Confluent's compatibility levels. The global default is <see cref="Backward"/>.</summary>
public enum CompatibilityLevel
{
    None,
    Backward,
    BackwardTransitive,
    Forward,
    ForwardTransitive,
    Full,
    FullTransitive,
}
