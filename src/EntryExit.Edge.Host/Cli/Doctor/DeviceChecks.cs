using EntryExit.Edge.Host.Configuration;

namespace EntryExit.Edge.Host.Cli.Doctor;

/// <summary>Reader devices: present and openable by this user.</summary>
internal static class DeviceChecks
{
    // open(2) checks permissions before it waits (for a FIFO's writer, a tty's carrier), so an open still waiting
    // after this long has passed the permission check.
    private static readonly TimeSpan OpenWait = TimeSpan.FromSeconds(2);

    public static async Task<IReadOnlyList<DoctorCheck>> CheckAsync(GatewaySettings settings, CancellationToken cancellationToken)
    {
        var checks = new List<DoctorCheck>();
        foreach (var reader in settings.Readers)
        {
            checks.Add(await CheckAsync(reader, cancellationToken));
        }

        return checks;
    }

    private static async Task<DoctorCheck> CheckAsync(ReaderSection reader, CancellationToken cancellationToken)
    {
        var id = $"reader-{reader.Id}";
        if (reader.Path == "-")
        {
            return DoctorCheck.Ok(id, $"reader {reader.Id} reads standard input");
        }

        if (!File.Exists(reader.Path))
        {
            return DoctorCheck.Fail(id, $"reader {reader.Id}: {reader.Path} does not exist",
                reader.Kind == ReaderKinds.Serial
                    ? "Check the reader's USB cable and power, `ls -l /dev/serial/by-id/`, and the udev rule that names it."
                    : "Create it (for a FIFO: mkfifo) or correct Readers[].Path.");
        }

        var access = reader.Kind == ReaderKinds.Serial ? FileAccess.ReadWrite : FileAccess.Read;
        var open = Task.Run(() => File.OpenHandle(reader.Path, FileMode.Open, access, FileShare.ReadWrite).Dispose(), CancellationToken.None);
        try
        {
            await open.WaitAsync(OpenWait, cancellationToken);
            return DoctorCheck.Ok(id, $"reader {reader.Id}: {reader.Path} present and openable");
        }
        catch (TimeoutException)
        {
            return DoctorCheck.Ok(id, $"reader {reader.Id}: {reader.Path} present and openable (it waits for data)");
        }
        catch (UnauthorizedAccessException)
        {
            return DoctorCheck.Fail(id, $"reader {reader.Id}: {reader.Path} cannot be opened: permission denied",
                "Run doctor as the service user (sudo -u entryexit entryexit-edge doctor …); the user needs group dialout for serial devices.");
        }
        catch (IOException e)
        {
            return DoctorCheck.Fail(id, $"reader {reader.Id}: {reader.Path} cannot be opened: {e.Message}", "Check the device and its driver (dmesg).");
        }
    }
}
