namespace Coxswain.Apps.Tests.Support;

/// <summary>Compose files of the test apps.</summary>
internal static class TestApps
{
    /// <summary>A database with a healthcheck and a volume, a web service depending on it being healthy.</summary>
    public const string Notes = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "echo db starting; touch /tmp/ready; sleep 100000"]
            healthcheck:
              test: ["CMD-SHELL", "test -f /tmp/ready"]
              interval: 2s
              retries: 2
            volumes:
              - data:/data
            stop_grace_period: 3s
          web:
            image: busybox:test
            command: ["sh", "-c", "echo web up; sleep 100000"]
            depends_on:
              db:
                condition: service_healthy
        volumes:
          data: {}
        """;

    /// <summary>A service that reads a file-backed secret.</summary>
    public const string Vault = """
        services:
          vault:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            secrets:
              - api_token
        secrets:
          api_token:
            file: ./secrets/api_token.txt
        """;

    /// <summary>One service running the image's own command (no command: in the file).</summary>
    public static string ImageCommand(string image) => $"""
        services:
          app:
            image: {image}
        """;

    /// <summary>One service whose probe never passes.</summary>
    public const string NeverHealthy = """
        services:
          db:
            image: busybox:test
            command: ["sh", "-c", "echo opening database; echo fatal: cannot lock /data; sleep 100000"]
            healthcheck:
              test: ["CMD", "false"]
              interval: 1s
              retries: 2
            volumes:
              - data:/data
          web:
            image: busybox:test
            command: ["sh", "-c", "sleep 100000"]
            depends_on:
              db:
                condition: service_healthy
        volumes:
          data: {}
        """;
}
