namespace Nmt.Analytics.Benchmarking;

/// <summary>
/// One clinic's benchmark. A clinic below the minimum size is built only through <see cref="Suppressed"/>, which
/// carries no figures at all: every exporter (JSON, CSV, tables, charts) reads figures through this type, so
/// none can show what a suppressed clinic does not hold.
/// </summary>
public sealed class ClinicResult
{
    private ClinicResult(string clinicId, string source, ClinicFigures? figures, PerformanceFlag flag, bool alarm)
    {
        ClinicId = clinicId;
        Source = source;
        Figures = figures;
        Flag = flag;
        Alarm = alarm;
    }

    /// <summary>Clinic identifier (or pseudonym).</summary>
    public string ClinicId { get; }

    /// <summary><c>local</c> or the shared summary the clinic came from.</summary>
    public string Source { get; }

    /// <summary>The figures; null for a suppressed clinic.</summary>
    public ClinicFigures? Figures { get; }

    /// <summary>The flag from the 95 % funnel limits, or <see cref="PerformanceFlag.Suppressed"/>.</summary>
    public PerformanceFlag Flag { get; }

    /// <summary>True when the clinic is also beyond the 99.8 % limit (Spiegelhalter's "alarm").</summary>
    public bool Alarm { get; }

    /// <summary>True when the clinic is suppressed (too few clients).</summary>
    public bool IsSuppressed => Figures is null;

    /// <summary>A suppressed clinic: no figures, flag <c>suppressed</c>.</summary>
    public static ClinicResult Suppressed(string clinicId, string source) =>
        new(clinicId, source, null, PerformanceFlag.Suppressed, false);

    /// <summary>A clinic shown with its figures; refuses a clinic below <paramref name="minClients"/>.</summary>
    public static ClinicResult Reported(string clinicId, string source, ClinicFigures figures, PerformanceFlag flag, bool alarm, int minClients)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.NClients < minClients || flag == PerformanceFlag.Suppressed)
        {
            throw new InvalidOperationException($"clinic {clinicId} has {figures.NClients} clients, below the minimum {minClients}; it must be suppressed.");
        }
        return new(clinicId, source, figures, flag, alarm);
    }
}
