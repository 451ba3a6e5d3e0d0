using System.Globalization;
using EntryExit.Edge.Host.Configuration;
using EntryExit.Edge.Host.Hosting;
using EntryExit.Edge.Storage;
using Microsoft.Data.Sqlite;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>The outbox: free disk space where it lives, and the database's integrity (read-only; the service may run).</summary>
internal static class OutboxChecks
{
    private const long MinimumFreeBytes = 100L << 20;

    public static IReadOnlyList<DoctorCheck> Check(GatewaySettings settings, TimeProvider time, Func<string, string?> environment)
    {
        var path = Path.GetFullPath(OutboxSettings.ToOptions(settings, environment).Path);
        return [Disk(path, settings.Outbox.MaxBytes), Integrity(path, time)];
    }

    private static DoctorCheck Disk(string path, long maxBytes)
    {
        var dir = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(dir))
        {
            return DoctorCheck.Fail("outbox-disk", $"the outbox directory {dir} does not exist",
                "Create it for the service user, or let systemd do it (StateDirectory=entryexit-edge), or correct Outbox:Path.");
        }

        var free = new DriveInfo(dir).AvailableFreeSpace;
        var text = $"{Mib(free)} MiB free for the outbox in {dir}";
        if (free < MinimumFreeBytes)
        {
            return DoctorCheck.Fail("outbox-disk", text, "Free space on that file system (journalctl --vacuum-size, old packages); records cannot be stored without it.");
        }

        return free < maxBytes
            ? DoctorCheck.Warn("outbox-disk", $"{text}, less than Outbox:MaxBytes ({Mib(maxBytes)} MiB)",
                "Free space or lower Outbox:MaxBytes, so a long outage fills the outbox cap before the disk.")
            : DoctorCheck.Ok("outbox-disk", text);
    }

    private static DoctorCheck Integrity(string path, TimeProvider time)
    {
        if (!File.Exists(path))
        {
            return DoctorCheck.Warn("outbox-integrity", $"no outbox at {path} yet", "None needed before the first start: the gateway creates it. Otherwise check Outbox:Path.");
        }

        try
        {
            OutboxStatus status;
            using (var inspector = OutboxInspector.Open(path, time))
            {
                status = inspector.GetStatus();
            }

            var result = QuickCheck(path);
            if (result != "ok")
            {
                return DoctorCheck.Fail("outbox-integrity", $"SQLite quick_check of {path} reports: {result}",
                    "Stop the service, copy the outbox aside, and contact support: undelivered records may be recoverable from the copy.");
            }

            var summary = string.Create(CultureInfo.InvariantCulture, $"outbox {path} intact: {status.Pending} pending, {status.DeadLetter} dead-letter, {status.Expired} expired");
            return status.DeadLetter > 0 || status.Expired > 0
                ? DoctorCheck.Warn("outbox-integrity", summary, "Look at them with `outbox list --state dead-letter`; requeue with `outbox retry` once the cause is fixed.")
                : DoctorCheck.Ok("outbox-integrity", summary);
        }
        catch (OutboxException e)
        {
            return DoctorCheck.Fail("outbox-integrity", $"{e.Code}: {e.Message}", "Run doctor as the service user; if the file is damaged, stop the service and keep a copy.");
        }
        catch (SqliteException e)
        {
            return DoctorCheck.Fail("outbox-integrity", $"the outbox cannot be checked (SQLite error {e.SqliteErrorCode})",
                "Run doctor as the service user; if the file is damaged, stop the service and keep a copy.");
        }
    }

    private static string QuickCheck(string path)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        using var sqlite = new SqliteConnection(connection);
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA quick_check";
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "no answer";
    }

    private static long Mib(long bytes) => bytes >> 20;
}
