namespace Nmt.Analytics.Tests.Cli;

/// <summary><c>nmt predict</c> as a user runs it (the analysis is tested on <c>PredictiveAnalysis</c>).</summary>
public class PredictCommandTests
{
    [Fact]
    public void Unknown_target_is_a_user_error()
    {
        CliRun.Of("predict", "data.csv", "--target", "pain").AssertUserError("--target: unknown value 'pain'");
    }
}
