using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Pipeline;
using EntryExit.Edge.Host.Tests.Cli;
using EntryExit.Edge.Host.Tests.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EntryExit.Edge.Host.Tests.Ops;

/// <summary>The gateway's meter as dotnet-counters sees it: outbox gauges and reader faults, with no personal data in any tag.</summary>
[Collection(LoopbackPortTests.Name)]
public sealed class MetricsTests : IDisposable
{
    private static readonly string[] PersonalData = ["ERIKSSON", "MARTIN", "TANAKA", "TREMBLAY", "L898902C3", "1974-08-12", "740812", "P<UTO"];
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("entryexit-metrics-");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Outbox_depth_oldest_pending_age_and_reader_faults_are_published_on_the_gateway_meter()
    {
        var fifo = Path.Combine(_dir.FullName, "lane1.fifo");
        GatewayEndToEndTests.MakeFifo(fifo);
        using var noBroker = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0); // a port nobody answers on
        noBroker.Start();
        var port = ((System.Net.IPEndPoint)noBroker.LocalEndpoint).Port;
        noBroker.Stop();
        var settings = GatewayEndToEndTests.Settings(port, fifo);
        settings.Readers = [.. settings.Readers, new ReaderSection { Id = "lane2", Lane = "2", Kind = "file", Path = Path.Combine(_dir.FullName, "unplugged") }];
        // The listener starts before the gateway: the missing reader's fault is counted once, at start, and a
        // listener started after the host could miss it. Measurements keep their meter's scope so that only this
        // gateway's are read (other tests' gateways in the process publish under the same meter name).
        var measurements = new ConcurrentQueue<(object? Scope, string Instrument, double Value, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GatewayMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Meter.Scope, i.Name, v, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Meter.Scope, i.Name, v, tags.ToArray())));
        listener.Start();
        await using var gateway = await RunningGateway.StartAsync(settings,
            s => s.AddSingleton(new OutboxGaugeService.Options(TimeSpan.FromMilliseconds(100))), _ct);
        var factory = gateway.Services.GetRequiredService<IMeterFactory>();
        IEnumerable<(object? Scope, string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> Mine() =>
            measurements.Where(m => ReferenceEquals(m.Scope, factory));

        await File.WriteAllTextAsync(fifo, await File.ReadAllTextAsync(CliRunner.RepoFile("samples/documents.txt"), _ct), _ct);
        var metrics = gateway.Services.GetRequiredService<GatewayMetrics>();
        await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(metrics.Snapshot().Stored == 6), _ct);

        double Last(string name, string? state = null)
        {
            listener.RecordObservableInstruments();
            return Mine().LastOrDefault(m => m.Instrument == name
                && (state is null || m.Tags.Any(t => t.Key == "state" && (string?)t.Value == state))).Value;
        }

        await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(Last("entryexit.outbox.records", "pending") == 6
            && Last("entryexit.outbox.oldest_pending_age") > 0 && Last("entryexit.outbox.file_size") > 0), _ct);
        Assert.Equal(0, Last("entryexit.outbox.records", "dead-letter"));
        await GatewayEndToEndTests.WaitUntilAsync(() => Task.FromResult(Mine().Any(m => m.Instrument == "entryexit.reader.errors"
            && m.Tags.Contains(new("reader", "lane2")) && m.Tags.Contains(new("kind", "disconnected")))), _ct);
        Assert.DoesNotContain(Mine(), m => m.Instrument == "entryexit.reader.errors" && m.Tags.Contains(new("reader", "lane1")));

        var tagValues = Mine().SelectMany(m => m.Tags).Select(t => t.Value?.ToString() ?? "").Distinct().ToList();
        Assert.Contains(tagValues, v => v == "third-country-national"); // decisions are tagged by category, not by person
        Assert.DoesNotContain(tagValues, v => PersonalData.Any(p => v.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }
}
