namespace Governance.Broker.Topics;

/// <summary>
/// Kafka's topic name rules (org.apache.kafka.common.internals.Topic.validate): 1 to 249 characters of ASCII letters,
/// digits, '.', '_' and '-', and neither "." nor "..".
/// </summary>
public static class TopicNames
{
    /// <summary>249: the longest name Kafka accepts, so that partition directory names stay within 255 characters.</summary>
    public const int MaxLength = 249;

    /// <summary>Why <paramref name="name"/> is not a legal topic name, or <see langword="null"/> when it is.</summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "Topic name is empty.";
        }

        if (name is "." or "..")
        {
            return $"Topic name cannot be \"{name}\".";
        }

        if (name.Length > MaxLength)
        {
            return $"Topic name is {name.Length} characters long, longer than the maximum of {MaxLength}.";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            {
                return $"Topic name \"{name}\" has the illegal character '{c}' at position {i}; only ASCII letters, digits, '.', '_' and '-' are allowed.";
            }
        }

        return null;
    }
}
