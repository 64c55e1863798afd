namespace Nmt.Analytics.Cli.Commands;

/// <summary>One-line declarations of options: name, description and default (the help text shows the default).</summary>
internal static class Declare
{
    /// <summary>An option with a default value.</summary>
    public static Option<T> Option<T>(string name, string description, T value) => new(name) { Description = description, DefaultValueFactory = _ => value };

    /// <summary>An option without a default (null, false or 0 when not given).</summary>
    public static Option<T> Option<T>(string name, string description) => new(name) { Description = description };

    /// <summary>An option the command cannot run without.</summary>
    public static Option<T> Required<T>(string name, string description) => new(name) { Description = description, Required = true };

    /// <summary>Restricts the option to <paramref name="values"/> (the parser refuses others).</summary>
    public static Option<T> OneOf<T>(this Option<T> option, params string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>Sets the placeholder the help shows for the option's value.</summary>
    public static Option<T> Shown<T>(this Option<T> option, string helpName)
    {
        option.HelpName = helpName;
        return option;
    }
}
