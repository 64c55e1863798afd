using System.Text.RegularExpressions;

namespace Nmt.Analytics.Data;

/// <summary>
/// Refuses direct identifiers: columns named like personal data (name, e-mail, phone, address, postcode, birth date,
/// calendar dates, national numbers) and values that look like e-mail addresses, phone numbers or calendar dates in
/// any column. Quasi-identifiers are assessed by <see cref="KAnonymityCounter"/> (k-anonymity, Sweeney 2002,
/// Int J Uncertainty Fuzziness Knowl-Based Syst 10(5):557-570).
/// </summary>
public static partial class AnonymityGuard
{
    // Whole normalised names (lower case, separators removed).
    private static readonly HashSet<string> IdentifyingNames = new(StringComparer.Ordinal)
    {
        "name", "firstname", "forename", "givenname", "surname", "lastname", "familyname", "fullname", "middlename",
        "clientname", "patientname", "therapistname", "email", "emailaddress", "mail", "phone", "phonenumber",
        "telephone", "tel", "mobile", "mobilenumber", "cellphone", "fax", "address", "homeaddress", "street",
        "streetaddress", "postcode", "postalcode", "zip", "zipcode", "dob", "dateofbirth", "birthdate", "birthday",
        "date", "visitdate", "sessiondate", "appointmentdate", "treatmentdate", "ssn", "socialsecuritynumber",
        "nhs", "nhsnumber", "nino", "nationalinsurancenumber", "passport", "passportnumber", "medicarenumber",
        "mrn", "medicalrecordnumber", "ipaddress", "ip",
    };

    // Single words that identify wherever they appear as a word of the name (visit_date, client-email, FirstName).
    private static readonly HashSet<string> IdentifyingWords = new(StringComparer.Ordinal)
    {
        "name", "surname", "forename", "email", "mail", "phone", "telephone", "mobile", "address", "street",
        "postcode", "zip", "zipcode", "dob", "birth", "birthdate", "birthday", "date", "ssn", "nhs", "passport",
    };

    /// <summary>
    /// True when a column name looks like a direct identifier (case-insensitive, tolerant of separators:
    /// <c>First Name</c>, <c>first_name</c>, <c>FirstName</c>, <c>e-mail</c>, <c>visit_date</c>).
    /// </summary>
    public static bool IsDirectIdentifierName(string columnName)
    {
        ArgumentNullException.ThrowIfNull(columnName);
        var words = Words(columnName);
        var joined = string.Concat(words);
        return IdentifyingNames.Contains(joined) || words.Any(IdentifyingWords.Contains);
    }

    /// <summary>What kind of direct identifier <paramref name="value"/> looks like (e-mail, phone, calendar date), if any.</summary>
    public static IdentifierKind Classify(ReadOnlySpan<char> value)
    {
        var digits = 0;
        bool at = false, dateSeparator = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '@')
            {
                at = true;
            }
            else if (c is '-' or '/' or '.')
            {
                dateSeparator = true;
            }
        }
        if (at && EmailPattern().IsMatch(value))
        {
            return IdentifierKind.Email;
        }
        if (digits >= 4 && dateSeparator && LooksLikeDate(value))
        {
            return IdentifierKind.CalendarDate;
        }
        return digits >= 9 && LooksLikePhone(value) ? IdentifierKind.Phone : IdentifierKind.None;
    }

    /// <summary>A short description of an identifier kind for messages.</summary>
    public static string Describe(IdentifierKind kind) => kind switch
    {
        IdentifierKind.Email => "an e-mail address",
        IdentifierKind.Phone => "a phone number",
        IdentifierKind.CalendarDate => "a calendar date (use 'day' = days since the first session instead)",
        IdentifierKind.ColumnName => "a direct identifier column",
        _ => "nothing identifying",
    };

    private static bool LooksLikeDate(ReadOnlySpan<char> value)
    {
        Span<Range> parts = stackalloc Range[4];
        foreach (var match in DatePattern().EnumerateMatches(value))
        {
            var text = value.Slice(match.Index, match.Length);
            var n = text.SplitAny(parts, "-/.");
            if (n == 3 && PlausibleDate(text[parts[0]], text[parts[1]], text[parts[2]]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool PlausibleDate(ReadOnlySpan<char> a, ReadOnlySpan<char> b, ReadOnlySpan<char> c)
    {
        static int Num(ReadOnlySpan<char> s) => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        if (a.Length == 4)
        {
            return Num(b) is >= 1 and <= 12 && Num(c) is >= 1 and <= 31;
        }
        var (x, y) = (Num(a), Num(b));
        return (x is >= 1 and <= 31 && y is >= 1 and <= 12) || (x is >= 1 and <= 12 && y is >= 1 and <= 31);
    }

    private static bool LooksLikePhone(ReadOnlySpan<char> value)
    {
        foreach (var match in PhonePattern().EnumerateMatches(value))
        {
            var text = value.Slice(match.Index, match.Length);
            var digits = 0;
            var separated = false;
            foreach (var c in text)
            {
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else
                {
                    separated = true;
                }
            }
            // A bare run of digits not starting with 0 is more likely a code or number than a phone number.
            if (digits is >= 9 and <= 15 && (separated || text[0] == '0'))
            {
                return true;
            }
        }
        return false;
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = !char.IsLetterOrDigit(c) || (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]));
            if (boundary && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\d\w])(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2}))(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(\+|\b)\(?\d[\d \-().]{7,}\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();
}
