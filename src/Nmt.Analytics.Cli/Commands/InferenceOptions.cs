using System.CommandLine;
using Nmt.Analytics.Inference;

namespace Nmt.Analytics.Cli.Commands;

/// <summary><c>nmt fit</c>'s inference add-ons: <c>--emmeans TERM</c>, <c>--pairwise</c>, <c>--adjust</c>, <c>--anova 2|3</c>.</summary>
internal sealed class InferenceOptions
{
    private readonly Option<string?> _emmeans = new("--emmeans") { Description = "Estimated marginal means of a factor, or a:b for cells (as R emmeans)." };
    private readonly Option<bool> _pairwise = new("--pairwise") { Description = "All pairwise differences of the marginal means (as emmeans::pairs)." };
    private readonly Option<string?> _adjust = new("--adjust") { Description = "P-value adjustment of --pairwise: tukey (default), holm, bonferroni or none." };
    private readonly Option<int?> _anova = new("--anova") { Description = "ANOVA table of type 2 or 3 (lmerTest for lmm, car for ols, Wald chi-square for logit)." };

    private InferenceOptions()
    {
        _adjust.AcceptOnlyFromAmong("tukey", "holm", "bonferroni", "none");
    }

    /// <summary>The options to add to the command.</summary>
    public IEnumerable<Option> All => [_emmeans, _pairwise, _adjust, _anova];

    public static InferenceOptions Create() => new();

    /// <summary>The request, or null when none of the options was given.</summary>
    public InferenceRequest? Read(ParseResult parse)
    {
        var request = new InferenceRequest(parse.GetValue(_emmeans), parse.GetValue(_pairwise), parse.GetValue(_adjust), parse.GetValue(_anova));
        return request.Any ? request : null;
    }
}
