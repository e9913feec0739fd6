using NegotiationTracker.Projections.Statements;

namespace NegotiationTracker.IntegrationTests.Search;

/// <summary>How a search as written is split between PostgreSQL's web-search syntax and the prefixes it lacks.</summary>
public sealed class when_a_search_is_written
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("* \" *")]
    public void nothing_to_search_for_is_no_search(string? text) =>
        SearchQuery.Parse(text).ShouldBeNull();

    [Fact]
    public void words_and_phrases_go_to_web_search_as_written()
    {
        var query = SearchQuery.Parse("  prisoner release \"security forces\" or ceasefire -troops ").ShouldNotBeNull();

        query.Text.ShouldBe("prisoner release \"security forces\" or ceasefire -troops");
        query.Words.ShouldBe("prisoner release \"security forces\" or ceasefire -troops");
        query.Prefixes.ShouldBeEmpty();
    }

    [Fact]
    public void a_starred_word_becomes_a_lower_case_prefix_and_leaves_the_words()
    {
        var query = SearchQuery.Parse("Withdr* forces").ShouldNotBeNull();

        query.Words.ShouldBe("forces");
        query.Prefixes.ShouldBe(["withdr:*"]);
    }

    [Fact]
    public void an_excluded_starred_word_becomes_a_negated_prefix()
    {
        var query = SearchQuery.Parse("forces -withdr*").ShouldNotBeNull();

        query.Words.ShouldBe("forces");
        query.Prefixes.ShouldBe(["!withdr:*"]);
    }

    [Fact]
    public void a_star_inside_quotes_is_part_of_the_phrase_not_a_prefix()
    {
        var query = SearchQuery.Parse("\"withdr* forces\"").ShouldNotBeNull();

        query.Words.ShouldBe("\"withdr* forces\"");
        query.Prefixes.ShouldBeEmpty();
    }

    [Fact]
    public void a_prefix_alone_is_a_search()
    {
        var query = SearchQuery.Parse("sanct*").ShouldNotBeNull();

        query.Words.ShouldBe("");
        query.Prefixes.ShouldBe(["sanct:*"]);
    }
}
