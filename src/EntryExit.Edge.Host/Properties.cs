// The gateway is a Linux service (systemd, serial devices, GPIO, Unix sockets and file modes).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
