using System.Security.Cryptography;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Transport;

namespace EntryExit.Edge.Benchmarks.Gateway;

/// <summary>A temporary folder with an outbox key, and gateway settings pointing at it; deleted on dispose.</summary>
internal sealed class BenchWorkspace : IDisposable
{
    public const string EntriesTopic = "entryexit/v1/CAN/BNCH/entries";

    private BenchWorkspace(DirectoryInfo directory) => Directory = directory;

    public DirectoryInfo Directory { get; }

    public static BenchWorkspace Create()
    {
        var workspace = new BenchWorkspace(System.IO.Directory.CreateTempSubdirectory("entryexit-bench-"));
        using var key = new FileStream(workspace.KeyFile, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        });
        key.Write(RandomNumberGenerator.GetBytes(32));
        return workspace;
    }

    public string KeyFile => Path.Combine(Directory.FullName, "outbox.key");

    /// <summary>Settings as <c>demo</c> builds them (plain loopback MQTT), with a fresh outbox file of the given name.</summary>
    public GatewaySettings Settings(string outboxName, int brokerPort, bool acceptNoMatchingSubscribers) => new()
    {
        Gateway = new GatewaySection { Id = "bench-gateway", EntryCountry = "CAN", PortCode = "BNCH", PortName = "Benchmark port" },
        Outbox = new OutboxSection { Path = Path.Combine(Directory.FullName, outboxName), KeyFile = KeyFile },
        Mqtt = new MqttLinkOptions
        {
            Host = "127.0.0.1",
            Port = brokerPort,
            UseTls = false,
            AllowInsecure = true,
            HealthIntervalSeconds = 60,
            AcceptNoMatchingSubscribers = acceptNoMatchingSubscribers,
        },
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: only sealed bodies and a throwaway key.
        }
    }
}
