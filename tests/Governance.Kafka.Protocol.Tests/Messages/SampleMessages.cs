using System.Collections;
using System.Reflection;
using Governance.Kafka.Protocol.Wire;

namespace Governance.Kafka.Protocol.Tests.Messages;

/// <summary>
/// Fills every public field of a message, recursively, with distinct non-default values (two elements per array,
/// one unknown tagged field per struct), so that a round trip exercises every field a version carries.
/// </summary>
internal static class SampleMessages
{
    public static T Fill<T>(T message, int seed)
        where T : IProtocolStruct
    {
        var random = new Random(seed);
        FillStruct(message, random, depth: 0);
        return message;
    }

    private static void FillStruct(object target, Random random, int depth)
    {
        foreach (var field in target.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            field.SetValue(target, Sample(field.FieldType, random, depth));
        }
    }

    private static object? Sample(Type type, Random random, int depth)
    {
        if (type == typeof(int)) return random.Next(1, int.MaxValue);
        if (type == typeof(long)) return random.NextInt64(1, long.MaxValue);
        if (type == typeof(short)) return (short)random.Next(1, short.MaxValue);
        if (type == typeof(sbyte)) return (sbyte)random.Next(1, sbyte.MaxValue);
        if (type == typeof(bool)) return true;
        if (type == typeof(Guid)) return new Guid(RandomBytes(random, 16));
        if (type == typeof(string)) return "s-" + random.Next(0, 100_000) + "-é";
        if (type == typeof(ErrorCode)) return ErrorCode.UnknownTopicOrPartition;
        if (type == typeof(byte[])) return RandomBytes(random, random.Next(0, 40));
        if (type == typeof(ReadOnlyMemory<byte>?)) return (ReadOnlyMemory<byte>?)RandomBytes(random, random.Next(1, 200));
        if (type == typeof(List<TaggedField>)) return new List<TaggedField> { new(7, RandomBytes(random, 3)) };
        if (type == typeof(List<int>)) return new List<int> { random.Next(), random.Next() };
        if (type == typeof(List<long>)) return new List<long> { random.NextInt64(), random.NextInt64() };
        if (type == typeof(List<string>)) return new List<string> { "a" + random.Next(), "b" + random.Next() };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            if (depth < 4)
            {
                for (var i = 0; i < 2; i++)
                {
                    var element = Activator.CreateInstance(type.GetGenericArguments()[0])!;
                    FillStruct(element, random, depth + 1);
                    list.Add(element);
                }
            }
            return list;
        }
        throw new InvalidOperationException($"no sample for {type}");
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
