using System.Diagnostics;
using System.Globalization;

namespace EntryExit.Edge.Chaos.Faults;

/// <summary>
/// Where the outbox lives and how its disk fills. Preferred: a small ext4 image loop-mounted for the run (a real file
/// system with a real ENOSPC), else a size-capped tmpfs; both need root and mount rights. Where mounting is not
/// allowed, the outbox's own cap (<c>Outbox:MaxRecords</c>) stands in: it fills while the link is black-holed.
/// </summary>
internal sealed class DiskFiller : IDisposable
{
    private readonly string? _mountPoint;
    private readonly string? _image;
    private FileStream? _filler;

    private DiskFiller(DiskMode mode, string outboxDirectory, string? mountPoint, string? image, string description)
    {
        Mode = mode;
        OutboxDirectory = outboxDirectory;
        _mountPoint = mountPoint;
        _image = image;
        Description = description;
    }

    public DiskMode Mode { get; }

    public string OutboxDirectory { get; }

    /// <summary>For the report: which kind of full disk the run had.</summary>
    public string Description { get; }

    /// <summary>The record cap given to the gateway in <see cref="DiskMode.Cap"/> mode (the smallest it accepts).</summary>
    public const long CapRecords = 1000;

    public bool IsFull => _filler is not null;

    /// <summary>Bytes the last fill wrote.</summary>
    public long FilledBytes { get; private set; }

    public static DiskFiller Prepare(string runDirectory, DiskMode requested, long bytes, TextWriter? progress)
    {
        var mountPoint = Path.Combine(runDirectory, "outbox-fs");
        Directory.CreateDirectory(mountPoint);
        var size = (bytes >> 20).ToString(CultureInfo.InvariantCulture);
        if (requested is DiskMode.Auto or DiskMode.Loop)
        {
            var image = Path.Combine(runDirectory, "outbox-fs.img");
            using (var file = File.Create(image))
            {
                file.SetLength(bytes);
            }

            // -m 0: no blocks reserved for root (the gateway runs as root here and would use them).
            if (Run("mkfs.ext4", out var error, "-q", "-F", "-m", "0", image) && Run("mount", out error, "-o", "loop", image, mountPoint))
            {
                return new DiskFiller(DiskMode.Loop, mountPoint, mountPoint, image, $"loop-mounted ext4, {size} MiB");
            }

            File.Delete(image);
            progress?.WriteLine($"chaos: a loop-mounted ext4 is not possible here ({error.Trim()})");
            if (requested == DiskMode.Loop)
            {
                throw new InvalidOperationException("--disk loop: " + error.Trim());
            }
        }

        if (requested is DiskMode.Auto or DiskMode.Tmpfs)
        {
            if (Run("mount", out var error, "-t", "tmpfs", "-o", $"size={size}m,mode=0700", "tmpfs", mountPoint))
            {
                return new DiskFiller(DiskMode.Tmpfs, mountPoint, mountPoint, null, $"tmpfs, size={size} MiB");
            }

            progress?.WriteLine($"chaos: a tmpfs mount is not possible here ({error.Trim()})");
            if (requested == DiskMode.Tmpfs)
            {
                throw new InvalidOperationException("--disk tmpfs: " + error.Trim());
            }
        }

        return new DiskFiller(DiskMode.Cap, mountPoint, null, null,
            $"no mount allowed: the outbox's record cap (Outbox:MaxRecords = {CapRecords}) fills while the link is black-holed");
    }

    /// <summary>Takes every free block of the outbox's file system (a filler file, synced).</summary>
    public void Fill()
    {
        if (Mode == DiskMode.Cap || _filler is not null)
        {
            return;
        }

        var filler = new FileStream(Path.Combine(OutboxDirectory, "filler"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var written = 0L;
        foreach (var chunk in new[] { 1 << 20, 64 << 10, 4 << 10, 512 })
        {
            var block = new byte[chunk];
            while (true)
            {
                try
                {
                    filler.Write(block);
                    filler.Flush(flushToDisk: true);
                    written += chunk;
                }
                catch (IOException)
                {
                    break; // ENOSPC at this chunk size: try a smaller one
                }
            }
        }

        _filler = filler;
        FilledBytes = written;
    }

    /// <summary>Deletes the filler: the space comes back at once.</summary>
    public void Free()
    {
        if (_filler is null)
        {
            return;
        }

        try
        {
            _filler.Dispose();
        }
        catch (IOException)
        {
            // The last buffered bytes could not be written: the disk is full, which is the point.
        }

        File.Delete(_filler.Name);
        _filler = null;
    }

    /// <summary>Free bytes on the outbox's file system.</summary>
    public long FreeBytes() => new DriveInfo(OutboxDirectory).AvailableFreeSpace;

    public void Dispose()
    {
        Free();
        if (_mountPoint is not null)
        {
            if (!Run("umount", out _, _mountPoint))
            {
                Run("umount", out _, "-l", _mountPoint);
            }
        }

        if (_image is not null)
        {
            File.Delete(_image);
        }
    }

    private static bool Run(string tool, out string error, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            error = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            error = $"{tool}: {e.Message}";
            return false;
        }
    }
}
