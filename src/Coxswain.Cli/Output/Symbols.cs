namespace Coxswain.Cli.Output;

/// <summary>The marks that start a result line.</summary>
internal static class Symbols
{
    public const string Ok = "✓";
    public const string Failed = "✗";
    public const string Skipped = "-";
}
