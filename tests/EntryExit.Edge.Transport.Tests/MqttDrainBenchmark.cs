using System.Diagnostics;
using System.Text;
using EntryExit.Edge.Transport.Tests.Fixtures;

namespace EntryExit.Edge.Transport.Tests;

/// <summary>
/// Backlog drain to a local Mosquitto, next to <c>mosquitto_pub -q 1</c> sending the same payloads in the same run.
/// A measurement, not a test: explicit only, prints figures, asserts only that everything was delivered.
/// Run: dotnet test tests/EntryExit.Edge.Transport.Tests --filter "FullyQualifiedName~MqttDrainBenchmark" -- xUnit.Explicit=only
/// </summary>
public sealed class MqttDrainBenchmark(ITestOutputHelper output)
{
    private const int Records = 20_000;

    [Fact(Explicit = true)]
    public async Task Backlog_drain_versus_mosquitto_pub()
    {
        MosquittoBroker.RequireInstalled();
        using var pki = TestPki.Create();
        await using var broker = await MosquittoBroker.StartAsync(pki, maxInflight: 100);
        var payloads = Enumerable.Range(0, Records).Select(SampleRecord).ToList();

        await WarmUpAsync(broker.PlainPort);
        var pubBefore = await MosquittoPubAsync(broker.PlainPort, payloads);

        var queue = new InMemoryDeliveryQueue(TimeProvider.System);
        foreach (var payload in payloads)
        {
            queue.Add(payload);
        }

        // No subscriber in either run (its fan-out would share the two cores); so PUBACK 16 is accepted here.
        var options = Gateway.PlainOptions(broker.PlainPort);
        options.AcceptNoMatchingSubscribers = true;
        await using var gateway = Gateway.Create(options, queue);
        gateway.StartLink();
        await gateway.WaitConnectedAsync();
        var clock = Stopwatch.StartNew();
        gateway.StartPump();
        await Eventually.TrueAsync(() => queue.DeliveredCount == Records, "backlog delivered and marked", TimeSpan.FromMinutes(5));
        var drainSeconds = clock.Elapsed.TotalSeconds;
        // mosquitto_pub before and after the drain, averaged: the machine is shared and its load drifts.
        var pubSeconds = (pubBefore + await MosquittoPubAsync(broker.PlainPort, payloads)) / 2;

        var drainRate = Records / drainSeconds;
        var pubRate = Records / pubSeconds;
        var line = $"MQTT drain: {Records} records of {payloads[0].Length} B; gateway {drainRate:F0} rec/s ({drainSeconds:F2} s, window 64, " +
            $"receive max {gateway.Link.BrokerReceiveMaximum?.ToString() ?? "none"}); mosquitto_pub -q 1 -V 5 -l {pubRate:F0} rec/s ({pubSeconds:F2} s); ratio {drainRate / pubRate:F2}";
        output.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        Console.WriteLine(line);
    }

    /// <summary>JIT the pump and the MQTTnet client before measuring (mosquitto_pub is native code).</summary>
    private static async Task WarmUpAsync(int port)
    {
        var options = Gateway.PlainOptions(port);
        options.AcceptNoMatchingSubscribers = true;
        await using var warmUp = Gateway.Start(options);
        warmUp.Queue.AddMany(2000);
        await Eventually.TrueAsync(() => warmUp.Queue.DeliveredCount == 2000, "warm-up delivered");
    }

    private static async Task<double> MosquittoPubAsync(int port, IReadOnlyList<string> payloads)
    {
        var start = new ProcessStartInfo("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-V", "5",
             "-t", "entryexit/v1/CAN/0427/entries", "-i", "bench-mosquitto-pub", "-l"])
        {
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var all = new StringBuilder();
        foreach (var payload in payloads)
        {
            all.Append(payload).Append('\n');
        }

        await process.StandardInput.WriteAsync(all.ToString());
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode);
        return clock.Elapsed.TotalSeconds;
    }

    private static string SampleRecord(int n) =>
        $$"""{"recordId":"{{Guid.CreateVersion7()}}","schemaVersion":1,"entryCountry":"CAN","portCode":"0427","portName":"Sample Port","lane":"3","entryTime":"2026-11-28T06:00:00Z","utcOffset":"-05:00","surname":"SAMPLE{{n % 97}}","givenNames":"TEST PERSON","dateOfBirth":"1980-01-01","nationality":"FRA","sex":"F","documentType":"passport","documentCode":"P","documentNumber":"X{{n:D8}}","issuingCountry":"FRA","category":"third-country-national"}""";
}
