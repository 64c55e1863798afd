namespace Nmt.Analytics.Formulas;

/// <summary>How an evaluated formula variable enters a design matrix.</summary>
internal enum VariableKind
{
    /// <summary>One numeric column.</summary>
    Numeric,

    /// <summary>A categorical variable coded by treatment contrasts or indicators.</summary>
    Factor,

    /// <summary>Several numeric columns named by the variable plus 1, 2, … (R's <c>poly(x, 2)1</c>).</summary>
    Columns,

    /// <summary>A multi-valued code set: one 0/1 indicator per code, no reference.</summary>
    CodeSet,
}
