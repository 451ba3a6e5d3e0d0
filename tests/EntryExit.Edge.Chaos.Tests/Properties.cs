// The chaos suite runs the Linux gateway over Linux pseudo-terminals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
