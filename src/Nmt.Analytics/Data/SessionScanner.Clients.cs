using System.Runtime.CompilerServices;
namespace Nmt.Analytics.Data;

/// <summary>Cross-field rules within a row, and the per-client rules across rows (duplicates, order, days).</summary>
internal sealed partial class SessionScanner
{
    private string? _lastClientId, _lastClinic;
    private int _lastClientIndex;
    private int _client = -2, _clinic, _session, _day, _painPre, _painPost, _instrument, _score, _pptPre, _pptPost, _romPre, _romPost;

    private void ResolveIndexes()
    {
        if (_client != -2)
        {
            return;
        }
        (_client, _clinic, _session, _day) = (IndexOf("client_id"), IndexOf("clinic_id"), IndexOf("session"), IndexOf("day"));
        (_painPre, _painPost, _instrument, _score) = (IndexOf("pain_pre"), IndexOf("pain_post"), IndexOf("disability_instrument"), IndexOf("disability_score"));
        (_pptPre, _pptPost, _romPre, _romPost) = (IndexOf("ppt_pre"), IndexOf("ppt_post"), IndexOf("rom_pre"), IndexOf("rom_post"));
    }

    private bool Has(int index) => index >= 0 && !double.IsNaN(Row.Numbers[index]);

    private bool Blank(int index) => index < 0 || CellParser.IsMissing(_source.Field(index).Trim());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckPairs()
    {
        ResolveIndexes();
        if (_painPre >= 0 && _painPost >= 0)
        {
            var (pre, post) = (Blank(_painPre), Blank(_painPost));
            if (pre && !post)
            {
                Error("pain_pre", null, ValidationRules.PainPostWithoutPre, "pain_post is given but pain_pre is empty: the change cannot be computed");
            }
            else if (!pre && post)
            {
                Warning("pain_post", null, ValidationRules.MissingPainPost, "pain_post is empty: the row has no pain_change");
            }
            else if (pre && post)
            {
                Warning("pain_pre", null, ValidationRules.MissingPain, "pain_pre and pain_post are both empty");
            }
        }
        PostWithoutPre(_pptPre, _pptPost);
        PostWithoutPre(_romPre, _romPost);
        if (_score >= 0 && !Blank(_score) && Blank(_instrument))
        {
            Error("disability_score", null, ValidationRules.ScoreWithoutInstrument,
                "disability_score is given without disability_instrument: name the questionnaire");
        }
    }

    private void PostWithoutPre(int pre, int post)
    {
        if (post >= 0 && !Blank(post) && Blank(pre))
        {
            var (postName, preName) = (_columns[post].Name, pre >= 0 ? _columns[pre].Name : _columns[post].Name.Replace("_post", "_pre", StringComparison.Ordinal));
            Warning(postName, null, ValidationRules.PostWithoutPre, $"{postName} is given without {preName}");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckClient()
    {
        if (_client < 0 || Row.Texts[_client] is not { } clientId || !Has(_session))
        {
            return;
        }
        // A checker hands consecutive rows of one client the same string: then the look-up is skipped.
        var first = false;
        var index = ReferenceEquals(clientId, _lastClientId) ? _lastClientIndex : _clients.GetOrAdd(clientId, out first);
        (_lastClientId, _lastClientIndex) = (clientId, index);
        var session = (int)Row.Numbers[_session];
        var day = _day >= 0 ? Row.Numbers[_day] : double.NaN;
        CheckOrder(index, first, session, day);
        if (Row.IsUsable)
        {
            AfterUsableRow(index);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckOrder(int index, bool first, int session, double day)
    {
        if (!_clients.MarkSession(index, session))
        {
            Error("session", Inv($"{session}"), ValidationRules.DuplicateSession,
                Inv($"this client already has a row for session {session}: each (client_id, session) must be unique"));
            return;
        }
        ref var state = ref _clients.At(index);
        if (state.LastSession > 0 && session < state.LastSession)
        {
            Warning("session", Inv($"{session}"), ValidationRules.SessionOrder,
                Inv($"session {session} of this client comes after session {state.LastSession}: sort rows by client and session"));
            return;
        }
        if (!double.IsNaN(day) && state.LastDay >= 0 && day < state.LastDay)
        {
            Error("day", CellParser.Format(day), ValidationRules.DayBackwards,
                Inv($"day {CellParser.Format(day)} of session {session} is before day {state.LastDay} of session {state.LastSession} of this client"));
            return;
        }
        if (first && session == 1 && !double.IsNaN(day) && day != 0)
        {
            Warning("day", CellParser.Format(day), ValidationRules.DayNotZero,
                Inv($"session 1 of this client has day {CellParser.Format(day)}; day counts from the first session (0)"));
        }
        state.LastSession = (ushort)session; // validated: a whole number 1..1000
        if (!double.IsNaN(day))
        {
            state.LastDay = (short)day; // validated: a whole number 0..3650
        }
    }

    private void AfterUsableRow(int index)
    {
        if (_clinic >= 0 && Row.Texts[_clinic] is { } clinic && !ReferenceEquals(clinic, _lastClinic))
        {
            _clinics.Add(clinic);
            _lastClinic = clinic;
        }
        ref var state = ref _clients.At(index);
        if (state.Group < 0)
        {
            // Missing values (null, or an empty text) are one value, as in the key text.
            for (var i = 0; i < _quasi.Length; i++)
            {
                _quasiProbe[i] = Row.Texts[_quasi[i]] is { Length: > 0 } value ? value : null;
            }
            if (!_groups.TryGetValue(_quasiProbe, out var group))
            {
                group = _groups.Count;
                _groups[(string?[])_quasiProbe.Clone()] = group;
            }
            state.Group = group;
        }
    }
}
