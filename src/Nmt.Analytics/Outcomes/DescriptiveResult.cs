using System.Text.Json.Nodes;
using Nmt.Analytics.Data;
using Nmt.Analytics.Results;

namespace Nmt.Analytics.Outcomes;

/// <summary>The tables of <see cref="DescriptiveAnalysis"/> (pain change, episodes, effect sizes) and the session rows it left out.</summary>
/// <param name="Tables">Pain change, episodes and effect sizes, in that order.</param>
/// <param name="Exclusions">Session rows without a pain change or client, with reasons.</param>
public sealed record DescriptiveResult(IReadOnlyList<ResultTable> Tables, IReadOnlyList<RowExclusion> Exclusions)
{
    /// <summary>The JSON result: each table under its key in <see cref="DescriptiveAnalysis.TableKeys"/>.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        for (var i = 0; i < Tables.Count; i++)
        {
            json[DescriptiveAnalysis.TableKeys[i]] = Tables[i].ToJsonArray();
        }
        return json;
    }
}
