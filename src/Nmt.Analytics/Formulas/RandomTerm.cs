namespace Nmt.Analytics.Formulas;

/// <summary>
/// One random-effects bar term after lme4's expansions: <c>(1 + session | client_id)</c>.
/// <c>(x || g)</c> has already become one term per component and <c>(1 | a/b)</c> has become <c>(1 | a) + (1 | a:b)</c>.
/// </summary>
public sealed class RandomTerm
{
    /// <summary>Creates a random term.</summary>
    /// <param name="hasIntercept">True when the left side includes the intercept.</param>
    /// <param name="terms">The left side's non-intercept terms, in model-matrix order.</param>
    /// <param name="groupVariables">The grouping variables (more than one for <c>a:b</c>).</param>
    public RandomTerm(bool hasIntercept, IReadOnlyList<Term> terms, IReadOnlyList<ModelVariable> groupVariables)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(groupVariables);
        HasIntercept = hasIntercept;
        Terms = terms;
        GroupVariables = groupVariables;
        GroupName = string.Join(":", groupVariables.Select(v => v.Name));
    }

    /// <summary>True when the term has a random intercept.</summary>
    public bool HasIntercept { get; }

    /// <summary>The left side's non-intercept terms.</summary>
    public IReadOnlyList<Term> Terms { get; }

    /// <summary>The grouping variables.</summary>
    public IReadOnlyList<ModelVariable> GroupVariables { get; }

    /// <summary>The grouping factor's name as lme4 prints it (<c>client_id</c>, <c>clinic_id:client_id</c>).</summary>
    public string GroupName { get; }

    /// <summary>All variables used by the left side, in order of first use.</summary>
    public IEnumerable<ModelVariable> LeftVariables => Terms.SelectMany(t => t.Variables).Distinct();

    /// <inheritdoc/>
    public override string ToString()
    {
        var parts = new List<string> { HasIntercept ? "1" : "0" };
        parts.AddRange(Terms.Select(t => t.Label));
        return $"({string.Join(" + ", parts)} | {GroupName})";
    }
}
