namespace Governance.Schemas.Json.Compatibility;

/// <summary>A maximum matching in a bipartite graph, by augmenting paths (Kuhn's algorithm); the graphs here are tiny.</summary>
internal static class BipartiteMatching
{
    /// <summary>As many <paramref name="edges"/> as possible such that no left or right vertex is used twice, ordered by left vertex.</summary>
    public static IReadOnlyList<(int Original, int Update)> Maximum(int leftCount, int rightCount, IEnumerable<(int Original, int Update)> edges)
    {
        var neighbours = new List<int>[leftCount];
        for (var i = 0; i < leftCount; i++)
        {
            neighbours[i] = [];
        }

        foreach (var (left, right) in edges)
        {
            neighbours[left].Add(right);
        }

        var matchOfRight = Enumerable.Repeat(-1, rightCount).ToArray();
        for (var left = 0; left < leftCount; left++)
        {
            TryAugment(left, neighbours, matchOfRight, new bool[rightCount]);
        }

        return [.. Enumerable.Range(0, rightCount)
            .Where(right => matchOfRight[right] >= 0)
            .Select(right => (matchOfRight[right], right))
            .OrderBy(pair => pair.Item1)];
    }

    private static bool TryAugment(int left, List<int>[] neighbours, int[] matchOfRight, bool[] visited)
    {
        foreach (var right in neighbours[left])
        {
            if (visited[right])
            {
                continue;
            }

            visited[right] = true;
            if (matchOfRight[right] < 0 || TryAugment(matchOfRight[right], neighbours, matchOfRight, visited))
            {
                matchOfRight[right] = left;
                return true;
            }
        }

        return false;
    }
}
