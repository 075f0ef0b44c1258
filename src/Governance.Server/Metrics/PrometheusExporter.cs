using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Governance.Server.Metrics;

/// <summary>
/// Collects this host's System.Diagnostics.Metrics instruments with a <see cref="MeterListener"/> and renders them in
/// the Prometheus text exposition format (version 0.0.4): counters as <c>_total</c>, up-down counters and gauges as
/// gauges, histograms as cumulative <c>_bucket</c>/<c>_sum</c>/<c>_count</c> series. Only meters created by this host's
/// <see cref="IMeterFactory"/> are collected, so that several hosts in one process (tests) keep their figures apart.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Bucket bounds in seconds, fine below a millisecond where registry lookups live.</summary>
    private static readonly double[] DurationBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Tags that describe the connection rather than the request; left out to keep series few.</summary>
    private static readonly HashSet<string> IgnoredTags = ["url.scheme", "network.protocol.name", "network.protocol.version", "server.address", "server.port"];

    [ThreadStatic]
    private static StringBuilder? LabelBuffer;

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();

    public PrometheusExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                _series[instrument] = new InstrumentSeries(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every series, after polling the observable instruments.</summary>
    public string Export()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var series in _series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            series.WriteTo(text);
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_series.TryGetValue(instrument, out var series))
        {
            series.Record(value, LabelsOf(tags));
        }
    }

    /// <summary>
    /// The tags as a Prometheus label set, <c>{name="value",...}</c>, in the order the instrument gives them (stable per
    /// call site). Built in a per-thread buffer: this runs on every request.
    /// </summary>
    private static string LabelsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = LabelBuffer ??= new StringBuilder(256);
        labels.Clear();
        foreach (var tag in tags)
        {
            if (IgnoredTags.Contains(tag.Key))
            {
                continue;
            }

            labels.Append(labels.Length == 0 ? '{' : ',').Append(Sanitize(tag.Key)).Append("=\"")
                .Append(Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty)).Append('"');
        }

        return labels.Length == 0 ? string.Empty : labels.Append('}').ToString();
    }

    /// <summary>Prometheus metric and label names allow <c>[a-zA-Z0-9_:]</c>: dots and dashes become underscores.</summary>
    private static string Sanitize(string name)
    {
        if (name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or ':'))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_' && chars[i] != ':')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }

    private static string Escape(string value) => value.AsSpan().IndexOfAny("\\\"\n") < 0 ? value : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>One instrument's series, one aggregate per label set.</summary>
    private sealed class InstrumentSeries
    {
        private readonly Instrument _instrument;
        private readonly Aggregation _aggregation;
        private readonly ConcurrentDictionary<string, Aggregate> _byLabels = new(StringComparer.Ordinal);

        public InstrumentSeries(Instrument instrument)
        {
            _instrument = instrument;
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                "ms" => "_milliseconds",
                "By" => "_bytes",
                _ => string.Empty,
            };
            Name = Sanitize(instrument.Name) + unit;
            var definition = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
            (Kind, _aggregation) = definition switch
            {
                _ when definition == typeof(Histogram<>) => ("histogram", Aggregation.Histogram),
                _ when definition == typeof(Counter<>) => ("counter", Aggregation.Sum),
                _ when definition == typeof(UpDownCounter<>) => ("gauge", Aggregation.Sum),
                _ when definition == typeof(ObservableCounter<>) => ("counter", Aggregation.LastValue),
                _ => ("gauge", Aggregation.LastValue),
            };
        }

        private enum Aggregation
        {
            Sum,
            LastValue,
            Histogram,
        }

        public string Name { get; }

        private string Kind { get; }

        public void Record(double value, string labels)
        {
            var aggregate = _byLabels.GetOrAdd(labels, static (_, buckets) => new Aggregate(buckets), _aggregation == Aggregation.Histogram ? DurationBuckets.Length : 0);
            switch (_aggregation)
            {
                case Aggregation.Histogram:
                    var bucket = 0;
                    while (bucket < DurationBuckets.Length && value > DurationBuckets[bucket])
                    {
                        bucket++;
                    }

                    if (bucket < DurationBuckets.Length)
                    {
                        Interlocked.Increment(ref aggregate.Buckets[bucket]);
                    }

                    aggregate.Add(value);
                    Interlocked.Increment(ref aggregate.Count);
                    break;
                case Aggregation.Sum:
                    aggregate.Add(value);
                    break;
                default:
                    aggregate.Set(value);
                    break;
            }
        }

        public void WriteTo(StringBuilder text)
        {
            if (_byLabels.IsEmpty)
            {
                return;
            }

            var name = Kind == "counter" ? Name + "_total" : Name;
            if (!string.IsNullOrEmpty(_instrument.Description))
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(_instrument.Description.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
            }

            text.Append("# TYPE ").Append(name).Append(' ').Append(Kind).Append('\n');
            foreach (var (labels, aggregate) in _byLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Kind == "histogram")
                {
                    WriteHistogram(text, labels, aggregate);
                }
                else
                {
                    text.Append(name).Append(labels).Append(' ').Append(Format(aggregate.Sum)).Append('\n');
                }
            }
        }

        /// <summary>
        /// Cumulative buckets, then sum and count. Requests still being recorded may have reached a bucket and not yet the
        /// count (or the reverse): the <c>+Inf</c> bucket and the count are both the larger of the two, so they always agree.
        /// </summary>
        private void WriteHistogram(StringBuilder text, string labels, Aggregate aggregate)
        {
            var count = Interlocked.Read(ref aggregate.Count);
            long cumulative = 0;
            for (var i = 0; i < DurationBuckets.Length; i++)
            {
                cumulative += Interlocked.Read(ref aggregate.Buckets[i]);
                WriteBucket(text, labels, Format(DurationBuckets[i]), cumulative);
            }

            count = Math.Max(count, cumulative);
            WriteBucket(text, labels, "+Inf", count);
            text.Append(Name).Append("_sum").Append(labels).Append(' ').Append(Format(aggregate.Sum)).Append('\n');
            text.Append(Name).Append("_count").Append(labels).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        private void WriteBucket(StringBuilder text, string labels, string bound, long cumulative)
        {
            var le = $"le=\"{bound}\"";
            var bucketLabels = labels.Length == 0 ? "{" + le + "}" : labels[..^1] + "," + le + "}";
            text.Append(Name).Append("_bucket").Append(bucketLabels).Append(' ').Append(cumulative.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    /// <summary>Updated lock-free by concurrent requests; a scrape may see a count one ahead of its buckets, as Prometheus clients allow.</summary>
    private sealed class Aggregate(int bucketCount)
    {
        public readonly long[] Buckets = new long[bucketCount];
        public long Count;
        private long _sumBits;

        public double Sum => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _sumBits));

        public void Add(double value)
        {
            long seen, updated;
            do
            {
                seen = Interlocked.Read(ref _sumBits);
                updated = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(seen) + value);
            }
            while (Interlocked.CompareExchange(ref _sumBits, updated, seen) != seen);
        }

        public void Set(double value) => Interlocked.Exchange(ref _sumBits, BitConverter.DoubleToInt64Bits(value));
    }
}
