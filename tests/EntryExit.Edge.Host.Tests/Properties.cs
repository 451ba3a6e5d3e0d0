// The gateway, and so its tests, run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
