using System.Text.RegularExpressions;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>
/// Corpus files with a few words or numbers swapped for others: we accept exactly what protoc accepts, and then our
/// descriptor equals protoc's. Seeds are fixed, so a failure repeats.
/// </summary>
public sealed partial class DifferentialTests
{
    private static readonly string[] Replacements =
    [
        "int32", "int64", "string", "bytes", "double", "bool", "repeated", "optional", "required", "map", "oneof",
        "0", "1", "2", "3", "19000", "536870911", "max", "true", "reserved", "group", "Foo", "message", "enum",
    ];

    public static TheoryData<string> CorpusFiles() => ProtocOracleTests.CorpusFiles();

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Swapped_words_are_accepted_or_refused_as_protoc_does(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Protoc.CorpusDirectory, fileName));
        var words = WordPattern().Matches(text).ToList();
        var pool = words.Select(w => w.Value).Distinct().Concat(Replacements).ToArray();
        var corpus = Directory.GetFiles(Protoc.CorpusDirectory, "*.proto")
            .Where(f => Path.GetFileName(f) != fileName)
            .Select(f => new SchemaReferenceContent(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
        var random = new Random(fileName.Sum(c => c));
        var directory = Directory.CreateTempSubdirectory("protoc-differential-").FullName;
        try
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var word = words[random.Next(words.Count)];
                var mutated = text[..word.Index] + pool[random.Next(pool.Length)] + text[(word.Index + word.Length)..];
                File.WriteAllText(Path.Combine(directory, fileName), mutated);

                var theirs = Protoc.TryDescribe(directory, fileName);
                ProtobufSchema? ours = null;
                try
                {
                    ours = (ProtobufSchema)new ProtobufFormat().Parse(mutated, corpus);
                }
                catch (InvalidSchemaException) when (theirs is null)
                {
                }

                if (theirs is null)
                {
                    ours.ShouldBeNull($"protoc refuses, we accept:\n{mutated}");
                    continue;
                }

                ours.ShouldNotBeNull();
                var descriptor = ours.Descriptor;
                descriptor.Name = fileName;
                descriptor.ShouldBe(theirs, $"descriptors differ for:\n{mutated}");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.]*|\d+")]
    private static partial Regex WordPattern();
}
