using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.SeedFiles;
using static NegotiationTracker.Domain.Tests.SeedFiles.Seeds;

namespace NegotiationTracker.Domain.Tests.SeedFiles;

public class when_the_us_iraq_withdrawal_seed_file_is_read
{
    private readonly SeedFile _file = SeedFileReader.Read(RealSeedPath());

    private IEnumerable<object> Commands => _file.Steps().Select(s => s.Command);

    [Fact]
    public void it_is_the_us_iraq_withdrawal_negotiation() => _file.NegotiationId.ShouldBe("us-iraq-withdrawal");

    [Theory]
    [InlineData("us")]
    [InlineData("iraq")]
    [InlineData("iran-aligned-factions")]
    [InlineData("kurdistan")]
    [InlineData("weinstein")]
    [InlineData("rubin")]
    [InlineData("new-york-times")]
    public void it_registers_a_party_the_article_names(string partyId) =>
        Commands.OfType<RegisterParty>().Select(p => p.PartyId).ShouldContain(partyId);

    [Fact]
    public void iran_is_not_a_party() => Commands.OfType<RegisterParty>().Select(p => p.PartyId).ShouldNotContain("iran");

    [Fact]
    public void al_sudani_speaks_for_iraq_as_prime_minister() =>
        Commands.OfType<AffiliatePerson>().ShouldContain(p => p.PartyId == "iraq" && p.PersonId == "al-sudani" && p.Title == "Prime Minister");

    [Fact]
    public void a_statement_gives_the_2500_troops_still_in_iraq() =>
        Commands.OfType<MakeStatement>().ShouldContain(s => s.Text.Contains("2,500", StringComparison.Ordinal));

    [Fact]
    public void no_date_in_it_is_finer_than_a_month()
    {
        var dates = Commands.SelectMany(DatesOf).ToList();

        dates.ShouldNotBeEmpty();
        dates.ShouldAllBe(d => d.Precision == DatePrecision.Year || d.Precision == DatePrecision.Month);
    }

    /// <summary>Every date a command carries, found by type so a new dated command is covered without changing this test.</summary>
    private static IEnumerable<PartialDate> DatesOf(object command) =>
        command.GetType().GetProperties()
            .Where(p => p.PropertyType == typeof(PartialDate) || p.PropertyType == typeof(PartialDate?))
            .Select(p => (PartialDate?)p.GetValue(command))
            .OfType<PartialDate>();
}
