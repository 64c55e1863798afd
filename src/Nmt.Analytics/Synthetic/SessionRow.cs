namespace Nmt.Analytics.Synthetic;

/// <summary>One simulated session before it is appended to the columns (NaN / null = missing).</summary>
internal sealed class SessionRow
{
    public string ClientId { get; set; } = "";
    public string ClinicId { get; set; } = "";
    public string? TherapistId { get; set; }
    public double Session { get; set; }
    public double Day { get; set; }
    public string Region { get; set; } = "";
    public string[] Techniques { get; set; } = [];
    public double PainPre { get; set; }
    public double PainPost { get; set; }
    public string? AgeBand { get; set; }
    public string? Sex { get; set; }
    public string? Condition { get; set; }
    public string? Chronicity { get; set; }
    public double Stress { get; set; }
    public double Hydration { get; set; }
    public double SleepHours { get; set; }
    public string? BreathingPattern { get; set; }
    public double Nutrition { get; set; }
    public double TriggerPoints { get; set; }
    public double NeuralEntrapment { get; set; }
    public double NerveCompression { get; set; }
    public string? PostureFinding { get; set; }
    public string? GaitFinding { get; set; }
    public double PptPre { get; set; }
    public double PptPost { get; set; }
    public double RomPre { get; set; }
    public double RomPost { get; set; }
    public string? DisabilityInstrument { get; set; }
    public double DisabilityScore { get; set; }
    public double Grc { get; set; }
    public double DurationMin { get; set; }
    public double AdverseEvent { get; set; }
}
