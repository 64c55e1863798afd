using Nmt.Analytics.Formulas;

namespace Nmt.Analytics.Tests.Formulas;

/// <summary>Formula syntax, R's term algebra and lme4's bar expansions.</summary>
public class FormulaParsingTests
{
    [Theory]
    [InlineData("y ~ a + b * c", "y ~ a + b + c + b:c")]
    [InlineData("y ~ a*b - a", "y ~ b + a:b")]
    [InlineData("y ~ (a + b + c)^2", "y ~ a + b + c + a:b + a:c + b:c")]
    [InlineData("y ~ a/b", "y ~ a + a:b")]
    [InlineData("y ~ b:a + a", "y ~ a + b:a")]
    [InlineData("y ~ -1 + x", "y ~ 0 + x")]
    [InlineData("y ~ x - 1", "y ~ 0 + x")]
    [InlineData("y ~ 0 + x", "y ~ 0 + x")]
    [InlineData("y ~ 1", "y ~ 1")]
    [InlineData("y ~ a:b:c + a", "y ~ a + a:b:c")]
    [InlineData("y~I(x ^ 2)+log( x )", "y ~ I(x^2) + log(x)")]
    [InlineData("y ~ I(a*b/2 - 1e5)", "y ~ I(a * b/2 - 1e+05)")]
    [InlineData("y ~ C(region,ref='lumbar')", "y ~ C(region, ref = \"lumbar\")")]
    [InlineData("log(y) ~ x", "log(y) ~ x")]
    [InlineData("y ~ x + (1 + session | client_id)", "y ~ x + (1 + session | client_id)")]
    [InlineData("y ~ x + (session | client_id)", "y ~ x + (1 + session | client_id)")]
    [InlineData("y ~ (0 + session | client_id)", "y ~ 1 + (0 + session | client_id)")]
    [InlineData("y ~ (session || client_id)", "y ~ 1 + (1 | client_id) + (0 + session | client_id)")]
    [InlineData("y ~ (1 | clinic_id/client_id)", "y ~ 1 + (1 | clinic_id) + (1 | clinic_id:client_id)")]
    [InlineData("y ~ (1 | clinic_id:client_id)", "y ~ 1 + (1 | clinic_id:client_id)")]
    public void Canonical_form(string formula, string canonical)
    {
        var parsed = Formula.Parse(formula);

        Assert.Equal(canonical.Replace("~ 1 + (", "~ (", StringComparison.Ordinal), parsed.ToString().Replace("~ 1 + (", "~ (", StringComparison.Ordinal));
    }

    [Fact]
    public void Intercept_only_random_formula_prints_with_bars()
    {
        Assert.Equal("y ~ (1 | g)", Formula.Parse("y ~ (1 | g)").ToString());
    }

    [Fact]
    public void Terms_are_ordered_by_interaction_order()
    {
        var parsed = Formula.Parse("pain_change ~ stress:region + session + region");

        Assert.Equal(["session", "region", "stress:region"], parsed.Terms.Select(t => t.Label));
        Assert.Equal([1, 1, 2], parsed.Terms.Select(t => t.Order));
    }

    [Theory]
    [InlineData("y ~ (a + b", 11, "expected ')'")]
    [InlineData("y ~ a + ", 9, "expected a variable")]
    [InlineData("y ~ a $ b", 7, "unexpected character '$'")]
    [InlineData("y a", 3, "expected '~'")]
    [InlineData("y ~ a)", 6, "unmatched ')'")]
    [InlineData("y ~ 1 + x | g", 11, "need parentheses")]
    [InlineData("y ~ a * (1 | g)", 9, "can only be added")]
    [InlineData("y ~ 2 + x", 5, "is not a term")]
    [InlineData("y ~ \"a", 5, "unterminated quote")]
    public void Syntax_errors_give_the_position(string formula, int position, string message)
    {
        var error = Assert.Throws<NmtInputException>(() => Formula.Parse(formula));

        Assert.StartsWith($"formula position {position}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_on_both_sides_is_refused()
    {
        var error = Assert.Throws<NmtInputException>(() => Formula.Parse("y ~ x + y"));

        Assert.Contains("response 'y' also appears", error.Message, StringComparison.Ordinal);
    }
}
