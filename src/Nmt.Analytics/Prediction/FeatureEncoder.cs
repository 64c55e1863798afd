using Nmt.Analytics.Data;

namespace Nmt.Analytics.Prediction;

/// <summary>
/// Turns session-dataset columns into a dense float feature matrix: numeric values (missing → training mean,
/// plus a missing indicator), one-hot categories and technique indicators. The encoding is learned once from
/// the predictors alone (never the target), so fitting it on all rows before cross-validation leaks no outcome.
/// </summary>
internal sealed class FeatureEncoder
{
    public FeatureEncoder(IReadOnlyList<EncodedFeature> features)
    {
        Features = features;
        Width = features.Count == 0 ? 0 : features[^1].FirstSlot + features[^1].SlotCount;
    }

    /// <summary>Encoded columns in slot order.</summary>
    public IReadOnlyList<EncodedFeature> Features { get; }

    /// <summary>Length of a feature vector.</summary>
    public int Width { get; }

    /// <summary>Every slot name in order.</summary>
    public IReadOnlyList<string> SlotNames() => Features.SelectMany(f => f.SlotNames()).ToList();

    /// <summary>Learns the encoding of <paramref name="columns"/> from <paramref name="table"/>.</summary>
    public static FeatureEncoder Fit(ColumnTable table, IReadOnlyList<string> columns)
    {
        var features = new List<EncodedFeature>();
        var slot = 0;
        foreach (var name in columns)
        {
            var feature = FitOne(table[name], slot);
            features.Add(feature);
            slot += feature.SlotCount;
        }
        return new FeatureEncoder(features);
    }

    /// <summary>
    /// Encodes every row. Unseen categories or codes throw unless <paramref name="allowUnknown"/>, in which case
    /// they map to the "unknown" encoding: all of that column's indicators 0 (counted in <paramref name="unknownCount"/>).
    /// </summary>
    public float[][] Encode(ColumnTable table, bool allowUnknown, out int unknownCount)
    {
        var rows = new float[table.RowCount][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new float[Width];
        }
        unknownCount = 0;
        foreach (var feature in Features)
        {
            if (!table.TryGetColumn(feature.Name, out var column))
            {
                throw new NmtInputException($"the model needs column '{feature.Name}', which the data lacks. "
                    + $"Required columns: {string.Join(", ", Features.Select(f => f.Name))}.", null, feature.Name);
            }
            unknownCount += EncodeOne(feature, column, table, rows, allowUnknown);
        }
        return rows;
    }

    private static EncodedFeature FitOne(TableColumn column, int slot) => column switch
    {
        NumericColumn n => new EncodedFeature(n.Name, FeatureKind.Numeric, [], Mean(n.Values), n.MissingCount() > 0, slot),
        TextColumn t => new EncodedFeature(t.Name, FeatureKind.Categorical, t.Levels(), 0, t.MissingCount() > 0, slot),
        CodeSetColumn c => new EncodedFeature(c.Name, FeatureKind.CodeSet, c.Codes(), 0, c.MissingCount() > 0, slot),
        _ => throw new NmtInputException($"column '{column.Name}' has a type that cannot be used as a predictor.", null, column.Name),
    };

    private static double Mean(double[] values)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static int EncodeOne(EncodedFeature feature, TableColumn column, ColumnTable table, float[][] rows, bool allowUnknown)
    {
        switch (feature.Kind, column)
        {
            case (FeatureKind.Numeric, NumericColumn n):
                EncodeNumeric(feature, n.Values, rows);
                return 0;
            case (FeatureKind.Categorical, TextColumn t):
                return EncodeCodes(feature, t.Values.Select(v => v is null ? null : new[] { v }).ToArray(), table, rows, allowUnknown);
            case (FeatureKind.CodeSet, CodeSetColumn c):
                return EncodeCodes(feature, c.Values, table, rows, allowUnknown);
            default:
                throw new NmtInputException($"the model was trained with '{feature.Name}' as {Describe(feature.Kind)}, "
                    + $"but here it is {Describe(column)}. Check the column's values.", null, feature.Name);
        }
    }

    private static void EncodeNumeric(EncodedFeature feature, double[] values, float[][] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var missing = double.IsNaN(values[i]);
            rows[i][feature.FirstSlot] = (float)(missing ? feature.FillValue : values[i]);
            if (feature.HasMissingSlot && missing)
            {
                rows[i][feature.MissingSlot] = 1f;
            }
        }
    }

    private static int EncodeCodes(EncodedFeature feature, string[]?[] values, ColumnTable table, float[][] rows, bool allowUnknown)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < feature.Levels.Count; j++)
        {
            index[feature.Levels[j]] = feature.FirstSlot + j;
        }
        var unknown = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            if (values[i] is not { } codes)
            {
                if (feature.HasMissingSlot)
                {
                    rows[i][feature.MissingSlot] = 1f;
                }
                continue;
            }
            foreach (var code in codes)
            {
                if (index.TryGetValue(code, out var slot))
                {
                    rows[i][slot] = 1f;
                }
                else if (allowUnknown)
                {
                    unknown++;
                }
                else
                {
                    throw UnseenCategory(feature, code, table.SourceLines[i]);
                }
            }
        }
        return unknown;
    }

    private static NmtInputException UnseenCategory(EncodedFeature feature, string code, long line) => new(
        $"value '{code}' was not seen when the model was trained, so the model cannot score it. "
        + $"Known values: {string.Join(", ", feature.Levels)}. Fix the value, or score with unknown categories allowed "
        + "(they are then encoded as 'unknown': all of this column's indicators 0).",
        line, feature.Name);

    private static string Describe(FeatureKind kind) => kind switch
    {
        FeatureKind.Numeric => "a numeric column",
        FeatureKind.Categorical => "a text/categorical column",
        _ => "a multi-valued code column",
    };

    private static string Describe(TableColumn column) => column switch
    {
        NumericColumn => "a numeric column",
        TextColumn => "a text/categorical column",
        CodeSetColumn => "a multi-valued code column",
        _ => "of another type",
    };
}
