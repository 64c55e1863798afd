using Microsoft.CodeAnalysis.Scripting;

namespace Nmt.Analytics.Notebooks;

/// <summary>Runs a compiled submission (<paramref name="start"/>) where and as long as the caller allows.</summary>
internal delegate Task<ScriptState<object?>> Submission(Func<Task<ScriptState<object?>>> start, CancellationToken cancellationToken);
