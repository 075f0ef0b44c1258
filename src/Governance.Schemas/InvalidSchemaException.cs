namespace Governance.Schemas;

/// <summary>A schema that cannot be parsed or is not valid in its format. The message says what is wrong and where.</summary>
public sealed class InvalidSchemaException : Exception
{
    public InvalidSchemaException(string message)
        : base(message)
    {
    }

    public InvalidSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
