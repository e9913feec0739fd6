using System.Xml.Linq;

namespace NegotiationTracker.Hosting.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/architecture.md, read from the project files themselves: the domain depends on nothing, the
/// write side and the read side each depend on the domain and never on each other, and only the hosts compose them.
/// Project references are transitive, so each rule is checked on everything a project can reach.
/// </summary>
public sealed class the_projects_depend_one_way
{
    private static readonly string Root = Repository.Root;

    private static readonly Dictionary<string, string> Projects = Directory
        .EnumerateFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
        .Concat(Directory.EnumerateFiles(Path.Combine(Root, "projections"), "*.csproj", SearchOption.AllDirectories))
        .ToDictionary(p => Path.GetFileNameWithoutExtension(p), p => p);

    [Theory]
    [InlineData("NegotiationTracker.Domain")]
    public void the_domain_depends_on_no_other_project(string project) =>
        Reachable(project).ShouldBeEmpty();

    [Theory]
    [InlineData("NegotiationTracker.SeedFiles", "NegotiationTracker.Domain")]
    [InlineData("NegotiationTracker.Grains", "NegotiationTracker.Domain", "NegotiationTracker.SeedFiles")]
    [InlineData("NegotiationTracker.Projections", "NegotiationTracker.Domain")]
    [InlineData("NegotiationTracker.Replay", "NegotiationTracker.Domain", "NegotiationTracker.Projections")]
    [InlineData("NegotiationTracker.Reports", "NegotiationTracker.Domain", "NegotiationTracker.Projections", "NegotiationTracker.Replay")]
    [InlineData("NegotiationTracker.Hosting", "NegotiationTracker.Domain", "NegotiationTracker.SeedFiles", "NegotiationTracker.Grains", "NegotiationTracker.Projections")]
    public void a_project_reaches_only_what_its_layer_may_use(string project, params string[] allowed) =>
        Reachable(project).Except(allowed).ShouldBeEmpty($"{project} may use only {string.Join(", ", allowed)}");

    [Fact]
    public void the_write_side_never_reads_the_read_side() =>
        Reachable("NegotiationTracker.Grains").ShouldNotContain("NegotiationTracker.Projections");

    [Fact]
    public void the_read_side_never_reaches_the_write_side()
    {
        Reachable("NegotiationTracker.Projections").ShouldNotContain("NegotiationTracker.Grains");
        Reachable("NegotiationTracker.Replay").ShouldNotContain("NegotiationTracker.Grains");
        Reachable("NegotiationTracker.Reports").ShouldNotContain("NegotiationTracker.Grains");
    }

    [Fact]
    public void every_project_is_known_to_these_rules() =>
        Projects.Keys.Order().ShouldBe(
        [
            "NegotiationTracker.Cli", "NegotiationTracker.Domain", "NegotiationTracker.Grains", "NegotiationTracker.Hosting",
            "NegotiationTracker.Projections", "NegotiationTracker.Replay", "NegotiationTracker.Reports", "NegotiationTracker.SeedFiles", "NegotiationTracker.Server",
        ]);

    private static IReadOnlySet<string> Reachable(string project)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>(References(project));
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in References(next))
                {
                    pending.Push(further);
                }
            }
        }

        return seen;
    }

    private static IEnumerable<string> References(string project) =>
        XDocument.Load(Projects[project]).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')));
}
