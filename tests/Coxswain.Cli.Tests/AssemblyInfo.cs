// The CLI's tests use unix sockets, file modes and busybox: Linux only, like the engines they stand in for.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
