namespace Governance.Registry;

/// <summary>A request the registry refuses, with Confluent's error code and a message that says what is wrong.</summary>
public sealed class RegistryException : Exception
{
    public RegistryException(RegistryErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public RegistryException(RegistryErrorCode errorCode, string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
    }

    public RegistryErrorCode ErrorCode { get; }

    /// <summary>The HTTP status Confluent answers with: the error code's first three digits.</summary>
    public int HttpStatus => (int)ErrorCode / 100;
}
