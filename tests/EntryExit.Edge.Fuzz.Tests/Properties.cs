// The harnesses drive the gateway, a Linux service.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
