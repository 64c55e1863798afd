namespace Nmt.Analytics.Engines;

/// <summary>One random-effects block of a summary: its grouping factor (lme4's name), grouping columns and terms.</summary>
/// <param name="Group">Grouping factor as lme4 prints it, e.g. <c>client_id</c> or <c>clinic_id:client_id</c>.</param>
/// <param name="Variables">The grouping columns whose values make a level.</param>
/// <param name="Terms">Random-effect term names, e.g. <c>(Intercept)</c>, <c>session</c>.</param>
public sealed record SummaryBlock(string Group, IReadOnlyList<string> Variables, IReadOnlyList<string> Terms);
