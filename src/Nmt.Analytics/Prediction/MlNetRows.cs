using Microsoft.ML;
using Microsoft.ML.Data;

namespace Nmt.Analytics.Prediction;

/// <summary>Feeds encoded feature rows to ML.NET as an <see cref="IDataView"/> with a fixed-size <c>Features</c> vector.</summary>
internal static class MlNetRows
{
    /// <summary>Column names the learners read.</summary>
    public const string Label = "Label", Features = "Features";

    /// <summary>A data view over <paramref name="rows"/> (indices into <paramref name="x"/>); labels as float or bool.</summary>
    public static IDataView View(MLContext ml, float[][] x, float[]? labels, IReadOnlyList<int> rows, bool binary, int width)
    {
        if (binary)
        {
            var items = rows.Select(i => new BinaryRow { Label = labels is not null && labels[i] > 0.5f, Features = x[i] });
            return ml.Data.LoadFromEnumerable(items, Schema<BinaryRow>(width));
        }
        var values = rows.Select(i => new RegressionRow { Label = labels?[i] ?? 0f, Features = x[i] });
        return ml.Data.LoadFromEnumerable(values, Schema<RegressionRow>(width));
    }

    private static SchemaDefinition Schema<T>(int width)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return schema;
    }

    /// <summary>A row with a numeric label.</summary>
    internal sealed class RegressionRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>A row with a true/false label.</summary>
    internal sealed class BinaryRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
