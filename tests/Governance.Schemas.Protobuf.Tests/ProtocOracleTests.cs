using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Governance.Schemas.Protobuf.Descriptors;

namespace Governance.Schemas.Protobuf.Tests;

/// <summary>Our descriptors equal protoc's <c>--descriptor_set_out</c> for every file of the corpus and for Google's well-known types.</summary>
public sealed partial class ProtocOracleTests
{
    public static TheoryData<string> CorpusFiles() =>
        [.. Directory.GetFiles(Protoc.CorpusDirectory, "*.proto").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> WellKnownFiles() =>
        [.. Directory.GetFiles(Path.Combine(Protoc.GoogleInclude, "google", "protobuf"), "*.proto")
            .Select(f => "google/protobuf/" + Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_file_descriptor_equals_protoc(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Protoc.CorpusDirectory, fileName));
        var schema = (ProtobufSchema)new ProtobufFormat().Parse(text, CorpusReferences(text));

        var ours = schema.Descriptor;
        ours.Name = fileName;
        AssertSame(Protoc.Describe(fileName), ours);
    }

    [Theory]
    [MemberData(nameof(WellKnownFiles))]
    public void Bundled_well_known_type_descriptor_equals_protoc_on_googles_file(string importPath)
    {
        var root = new ProtoFileLoader([], SchemaLimits.Default).LoadRoot($"syntax = \"proto3\";\nimport \"{importPath}\";\n");

        AssertSame(Protoc.Describe(importPath), root.Dependencies.Single().Descriptor);
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Canonical_text_parses_back_to_the_same_descriptor(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Protoc.CorpusDirectory, fileName));
        var references = CorpusReferences(text);
        var schema = (ProtobufSchema)new ProtobufFormat().Parse(text, references);

        var reparsed = (ProtobufSchema)new ProtobufFormat().Parse(schema.CanonicalText, references);

        // The layout groups fields before nested types and plain imports before public ones, so declaration order
        // inside the descriptor may change; the content may not.
        reparsed.CanonicalText.ShouldBe(schema.CanonicalText);
        reparsed.DiffFrom(schema).Select(c => c.Kind).Except(["MESSAGE_MOVED"]).ShouldBeEmpty();
        Sorted(reparsed.Descriptor).ShouldBe(Sorted(schema.Descriptor));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Serialized_form_parses_back_to_the_same_descriptor(string fileName)
    {
        var text = File.ReadAllText(Path.Combine(Protoc.CorpusDirectory, fileName));
        var references = CorpusReferences(text);
        var schema = (ProtobufSchema)new ProtobufFormat().Parse(text, references);

        var fromBase64 = (ProtobufSchema)new ProtobufFormat().Parse(schema.FormatAs("serialized")!, references);

        fromBase64.Descriptor.ShouldBe(schema.Descriptor);
        fromBase64.DiffFrom(schema).Select(c => c.Kind).Except(["MESSAGE_MOVED"]).ShouldBeEmpty();

        // The text a registry stores for it parses again to the same content.
        var fromStoredText = new ProtobufFormat().Parse(fromBase64.CanonicalText, references);
        fromStoredText.CanonicalText.ShouldBe(fromBase64.CanonicalText);
        fromStoredText.DiffFrom(schema).Select(c => c.Kind).Except(["MESSAGE_MOVED"]).ShouldBeEmpty();
    }

    /// <summary>The corpus files a corpus file imports, transitively, as schema references named by import path.</summary>
    internal static List<SchemaReferenceContent> CorpusReferences(string text)
    {
        var references = new List<SchemaReferenceContent>();
        foreach (Match import in ImportPattern().Matches(text))
        {
            var path = Path.Combine(Protoc.CorpusDirectory, import.Groups[1].Value);
            if (File.Exists(path) && references.All(r => r.Name != import.Groups[1].Value))
            {
                var importedText = File.ReadAllText(path);
                references.AddRange(CorpusReferences(importedText).Where(r => references.All(e => e.Name != r.Name)));
                references.Add(new SchemaReferenceContent(import.Groups[1].Value, importedText));
            }
        }

        return references;
    }

    private static void AssertSame(FileDescriptorProto expected, FileDescriptorProto actual)
    {
        // Compare as text first for a readable failure, then as messages (unknown fields included).
        JsonFormatter.Default.Format(actual).ShouldBe(JsonFormatter.Default.Format(expected));
        actual.ShouldBe(expected);
    }

    private static FileDescriptorProto Sorted(FileDescriptorProto descriptor)
    {
        var copy = descriptor.Clone();
        var dependencies = copy.Dependency.Order(StringComparer.Ordinal).ToList();
        copy.Dependency.Clear();
        copy.Dependency.AddRange(dependencies);
        copy.PublicDependency.Clear();
        copy.WeakDependency.Clear();
        foreach (var message in copy.MessageType)
        {
            SortNested(message);
        }

        // An rpc written with an empty body has empty options in protoc; the canonical layout drops the braces.
        foreach (var method in copy.Service.SelectMany(s => s.Method).Where(m => m.Options?.CalculateSize() == 0))
        {
            method.Options = null;
        }

        return copy;
    }

    private static void SortNested(DescriptorProto message)
    {
        var fields = message.Field.OrderBy(f => f.Number).ToList();
        message.Field.Clear();
        message.Field.AddRange(fields);
        var nested = message.NestedType.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        message.NestedType.Clear();
        message.NestedType.AddRange(nested);
        foreach (var child in nested)
        {
            SortNested(child);
        }
    }

    [GeneratedRegex("import\\s+(?:public\\s+|weak\\s+)?\"([^\"]+)\"")]
    private static partial Regex ImportPattern();
}
