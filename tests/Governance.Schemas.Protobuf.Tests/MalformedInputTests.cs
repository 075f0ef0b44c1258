using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>Damaged schemas are refused with <see cref="InvalidSchemaException"/>, never with another exception.</summary>
public sealed class MalformedInputTests
{
    private static readonly char[] Noise = ['{', '}', ';', '=', '"', '\'', '(', ')', '<', '>', '[', ']', '.', '-', '/', '*', '\\', '0', '9', 'x', ' ', '\n'];

    public static TheoryData<string> CorpusFiles() => ProtocOracleTests.CorpusFiles();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Every_damaged_variant_is_parsed_or_refused_cleanly(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Protoc.CorpusDirectory, fileName));
        var references = ProtocOracleTests.CorpusReferences(text);
        var random = new Random(fileName.Sum(c => c)); // a fixed seed per file: failures repeat
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var damaged = Damage(text, random);
            try
            {
                new ProtobufFormat().Parse(damaged, references);
            }
            catch (InvalidSchemaException e)
            {
                e.Message.ShouldMatch(@"line \d+, column \d+: |import cycle|no type definitions");
            }
        }
    }

    [Fact]
    public void Base64_that_is_not_a_descriptor_is_refused_with_the_text_error()
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(Convert.ToBase64String([0x0A, 0xFF, 0xFF, 0xFF, 0x07]), []));

        error.Message.ShouldContain("line 1, column 1: expected a top-level statement");
    }

    [Theory]
    [InlineData("")]
    [InlineData("syntax = \"proto3\";\npackage empty;\n")]
    [InlineData("////Bw==")]
    [InlineData("syntax = \"proto3\";\nservice S {}\n")]
    public void Schema_without_messages_or_enums_is_refused_as_confluent_does(string text)
    {
        var error = Should.Throw<InvalidSchemaException>(() => new ProtobufFormat().Parse(text, []));

        error.Message.ShouldBe("Invalid Protobuf schema: Protobuf schema definition contains no type definitions");
    }

    [Fact]
    public void Descriptor_with_unknown_fields_keeps_them()
    {
        var descriptor = new FileDescriptorProto { Name = "x.proto", Syntax = "proto3", Package = "p" };
        descriptor.MessageType.Add(new DescriptorProto { Name = "M" });
        var bytes = descriptor.ToByteArray().Concat(new byte[] { 0xF8, 0x3E, 0x01 }).ToArray(); // field 999, varint 1

        var schema = (ProtobufSchema)new ProtobufFormat().Parse(Convert.ToBase64String(bytes), []);

        schema.MessageNames.ShouldBe(["p.M"]);
        Convert.FromBase64String(schema.FormatAs("serialized")!)[^3..].ShouldBe(new byte[] { 0xF8, 0x3E, 0x01 });
    }

    private static string Damage(string text, Random random)
    {
        var chars = text.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Noise[random.Next(Noise.Length)]);
                    break;
                default:
                    chars[at] = Noise[random.Next(Noise.Length)];
                    break;
            }
        }

        return new string([.. chars]);
    }
}
