namespace EntryExit.Edge.Chaos;

/// <summary>How a disk-full episode is made.</summary>
internal enum DiskMode
{
    /// <summary>Try <see cref="Loop"/>, then <see cref="Tmpfs"/>, then fall back to <see cref="Cap"/>.</summary>
    Auto,

    /// <summary>The outbox lives on a small loop-mounted ext4 image; a filler file takes every free block.</summary>
    Loop,

    /// <summary>The outbox lives on a size-capped tmpfs; a filler file takes every free block.</summary>
    Tmpfs,

    /// <summary>No mount allowed: the outbox's own record cap (<c>Outbox:MaxRecords</c>) fills while the link is black-holed.</summary>
    Cap,
}
