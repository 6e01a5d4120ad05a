namespace Rekindle.Cli;

/// <summary>Exit codes scripts can trust.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Refused = 3;
}
