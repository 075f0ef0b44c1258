using System.Globalization;
using Governance.Bench.Avro;
using Governance.Schemas.Avro;

// Times the Avro BACKWARD check the registry runs when a version is registered: one check of a record with 100 fields
// against the same record with 99, and the 100 checks of BACKWARD_TRANSITIVE against versions with 0..99 optional fields;
// for scale, parsing the candidate the registry benchmark registers into subjects of 1 and of 100 versions.
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2;
var newest = Schema(100);
var versions = Enumerable.Range(0, 100).Select(Schema).ToList();

Console.WriteLine($"Avro compatibility benchmark: {seconds:F0} s per case (argument: seconds per case).");
Console.WriteLine(CheckTiming.Measure("1 BACKWARD check, 100 fields vs 99", TimeSpan.FromSeconds(seconds), () => newest.CheckBackwardCompatibility(versions[99]).Count));
Console.WriteLine(CheckTiming.Measure("100 BACKWARD_TRANSITIVE checks, 100 fields vs 0..99", TimeSpan.FromSeconds(seconds), () =>
{
    var issues = 0;
    foreach (var version in versions)
    {
        issues += newest.CheckBackwardCompatibility(version).Count;
    }

    return issues;
}));
Console.WriteLine(CheckTiming.Measure("parse the 2-field candidate for 1 version", TimeSpan.FromSeconds(seconds), () => Schema(1).CanonicalText.Length));
Console.WriteLine(CheckTiming.Measure("parse the 101-field candidate for 100 versions", TimeSpan.FromSeconds(seconds), () => Schema(100).CanonicalText.Length));

/// <summary>A record with an int id and <paramref name="optionalFields"/> string fields with defaults, as the registry benchmark registers.</summary>
static AvroSchema Schema(int optionalFields)
{
    var fields = Enumerable.Range(1, optionalFields).Select(i => $$""",{"name":"f{{i}}","type":"string","default":""}""");
    return AvroFormat.ParseAvro($$"""{"type":"record","name":"Measured","namespace":"bench","fields":[{"name":"id","type":"int"}{{string.Concat(fields)}}]}""", []);
}
