namespace Nmt.Analytics.Tests.Models.Lmm;

/// <summary>One random-effects block spelled out by hand: group name, level key per row, and term columns.</summary>
internal sealed record RandomSpec(string Group, Func<Row, string> Key, params (string Name, Func<Row, double> Value)[] Terms);
