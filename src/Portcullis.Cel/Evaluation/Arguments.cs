using System.Runtime.CompilerServices;
using Portcullis.Cel.Values;

namespace Portcullis.Cel.Evaluation;

/// <summary>Stack storage for up to four call arguments, so calls do not allocate.</summary>
[InlineArray(4)]
internal struct Arguments
{
    private CelValue _first;
}
