using System.Globalization;
using Governance.Schemas.Json.Model;
using static Governance.Schemas.Json.Compatibility.DifferenceType;

namespace Governance.Schemas.Json.Compatibility;

/// <summary>
/// <c>allOf</c>/<c>anyOf</c>/<c>oneOf</c> against each other: first the criterion (changing to anyOf widens; most other
/// changes break), then the branches, matched pairwise so that as many original branches as possible find a compatible
/// update branch (a maximum bipartite matching, as in Confluent). Equal branches count once.
/// </summary>
internal static class CombinedSchemaDiff
{
    public static void Compare(DiffContext context, CombinedSchema original, CombinedSchema update)
    {
        if (CompareCriteria(context, original, update) == COMBINED_TYPE_CHANGED)
        {
            return;
        }

        var originalBranches = Distinct(original.Subschemas);
        var updateBranches = Distinct(update.Subschemas);
        if (originalBranches.Count < updateBranches.Count)
        {
            context.Add(update.Criterion == CombinationCriterion.AllOf ? PRODUCT_TYPE_EXTENDED : SUM_TYPE_EXTENDED);
        }
        else if (originalBranches.Count > updateBranches.Count)
        {
            context.Add(original.Criterion == CombinationCriterion.AllOf ? PRODUCT_TYPE_NARROWED : SUM_TYPE_NARROWED);
        }

        var compatiblePairs = new Dictionary<(int Original, int Update), IReadOnlyList<Difference>>();
        for (var i = 0; i < originalBranches.Count; i++)
        {
            using (context.EnterPath(Keyword(original.Criterion) + "/" + i.ToString(CultureInfo.InvariantCulture)))
            {
                for (var j = 0; j < updateBranches.Count; j++)
                {
                    var trial = context.Subcontext();
                    SchemaDiff.Compare(trial, originalBranches[i], updateBranches[j]);
                    if (trial.IsCompatible)
                    {
                        compatiblePairs[(i, j)] = trial.Differences;
                    }
                }
            }
        }

        var matching = BipartiteMatching.Maximum(originalBranches.Count, updateBranches.Count, compatiblePairs.Keys);
        foreach (var pair in matching)
        {
            context.AddAll(compatiblePairs[pair]);
        }

        if (matching.Count < Math.Min(originalBranches.Count, updateBranches.Count))
        {
            context.Add(COMBINED_TYPE_SUBSCHEMAS_CHANGED);
        }
    }

    private static DifferenceType? CompareCriteria(DiffContext context, CombinedSchema original, CombinedSchema update)
    {
        if (original.Criterion == update.Criterion)
        {
            return null;
        }

        var originalSingle = original.Subschemas.Count == 1;
        var updateSingle = update.Subschemas.Count == 1;
        var type = update.Criterion == CombinationCriterion.AnyOf
            || (originalSingle && updateSingle)
            || (originalSingle && update.Criterion == CombinationCriterion.OneOf)
            || (updateSingle && original.Criterion == CombinationCriterion.AllOf)
                ? COMBINED_TYPE_EXTENDED
                : COMBINED_TYPE_CHANGED;
        context.Add(type);
        return type;
    }

    private static List<SchemaNode> Distinct(IReadOnlyList<SchemaNode> branches) =>
        [.. branches.DistinctBy(b => b.SourceText, StringComparer.Ordinal)];

    public static string Keyword(CombinationCriterion criterion) => criterion switch
    {
        CombinationCriterion.AllOf => "allOf",
        CombinationCriterion.AnyOf => "anyOf",
        _ => "oneOf",
    };
}
