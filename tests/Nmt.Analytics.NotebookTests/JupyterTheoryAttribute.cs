namespace Nmt.Analytics.NotebookTests;

/// <summary>
/// A theory that needs the real .NET Interactive kernel: skipped (and shown as skipped) on a developer machine without
/// it, but run — and failing loudly — under CI (<c>CI=true</c>), where <c>.ci/run</c> installs it.
/// </summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!JupyterKernel.IsInstalled && !ci)
        {
            Skip = JupyterKernel.Missing;
        }
    }
}
