namespace Governance.EndToEnd.Tests.Support;

/// <summary>Where things are in the checkout and in the test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The checkout's root: the first folder above the test binaries that holds Governance.sln.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Governance.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No Governance.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>The server's assembly, copied beside the tests by the project reference.</summary>
    public static string ServerAssembly => Path.Combine(AppContext.BaseDirectory, "Governance.Server.dll");

    /// <summary>tests/clients/js, with its node_modules installed by ./test.sh (<c>npm ci</c>).</summary>
    public static string JsClient => Path.Combine(Root, "tests", "clients", "js");
}
