namespace Nmt.Analytics.Inference;

/// <summary>One term's test: F with (num_df, den_df), or a Wald chi-square with num_df (den_df null).</summary>
/// <param name="Term">R's term label (<c>wool:tension</c>), or <c>(Intercept)</c> in car's type III table.</param>
/// <param name="NumDf">Numerator df (the number of independent hypotheses).</param>
/// <param name="DenDf">Denominator df (residual or Satterthwaite); null for chi-square tests.</param>
/// <param name="Statistic">F value, or the Wald chi-square.</param>
/// <param name="PValue">Upper-tail p-value.</param>
public sealed record AnovaRow(string Term, double NumDf, double? DenDf, double Statistic, double PValue);
