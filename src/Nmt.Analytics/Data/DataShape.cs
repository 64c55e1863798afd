namespace Nmt.Analytics.Data;

/// <summary>What kind of table a data file holds.</summary>
public enum DataShape
{
    /// <summary>Decide from the header: a session dataset unless it lacks most required session columns.</summary>
    Auto,

    /// <summary>A session dataset: validated against the contract, rows with errors excluded and listed.</summary>
    Session,

    /// <summary>A plain tidy table (e.g. a study's own data): typed as R's <c>read.csv</c> does, no session rules.</summary>
    Plain,
}
