// The gateway, the simulator's pseudo-terminals, loop mounts and libfaketime: Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
