namespace Nmt.Analytics.Formulas;

/// <summary>
/// A variable of a formula: a column name or an expression of columns (<c>log(hydration)</c>, <c>I(stress^2)</c>,
/// <c>C(region, ref = "lumbar")</c>). Like R, variables are identified by their deparsed text.
/// </summary>
public sealed class ModelVariable : IEquatable<ModelVariable>
{
    /// <summary>Wraps an expression node.</summary>
    public ModelVariable(FormulaNode expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        Name = expression.ToString();
    }

    /// <summary>The parsed expression.</summary>
    public FormulaNode Expression { get; }

    /// <summary>The deparsed name R would use, e.g. <c>I(stress^2)</c>.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public bool Equals(ModelVariable? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ModelVariable);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
