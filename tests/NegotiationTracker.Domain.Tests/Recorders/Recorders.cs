using NegotiationTracker.Domain.Common;

namespace NegotiationTracker.Domain.Tests.Recorders;

public class when_a_key_holder_and_an_os_user_share_a_name
{
    private readonly Recorder _holder = Recorder.KeyHolder("root");
    private readonly Recorder _user = Recorder.OsUser("root", "ledger-host");

    [Fact]
    public void they_are_stored_differently()
    {
        _holder.Stored.ShouldBe("key:root");
        _user.Stored.ShouldBe("os:root@ledger-host");
    }

    [Fact]
    public void each_reads_back_as_its_kind()
    {
        Recorder.Read(_holder.Stored).ShouldBe(_holder);
        Recorder.Read(_user.Stored).ShouldBe(_user);
    }

    [Fact]
    public void they_are_described_by_kind()
    {
        _holder.ToString().ShouldBe("key holder \"root\"");
        _user.ToString().ShouldBe("OS user root on host ledger-host");
    }
}

public class when_a_recorder_was_stored_before_kinds_were
{
    [Fact]
    public void a_bare_name_reads_as_of_unknown_kind() =>
        Recorder.Read("root").ShouldBe(new Recorder(RecorderKind.Unknown, "root"));

    [Fact]
    public void it_is_described_as_such() =>
        Recorder.Describe("Analyst A").ShouldBe("Analyst A (recorded before recorder kinds were stored)");

    [Fact]
    public void an_event_with_no_recorder_is_described_as_unknown() => Recorder.Describe(null).ShouldBe("unknown");

    [Theory]
    [InlineData("key:")]
    [InlineData("os:root")]
    [InlineData("os:@host")]
    [InlineData("os:root@")]
    public void a_prefix_that_names_no_one_reads_as_a_bare_name(string stored) =>
        Recorder.Read(stored)!.Kind.ShouldBe(RecorderKind.Unknown);
}

public class when_an_os_user_name_holds_an_at_sign
{
    [Fact]
    public void the_host_is_what_follows_the_last_one() =>
        Recorder.Read("os:alice@corp.example@ledger-host").ShouldBe(Recorder.OsUser("alice@corp.example", "ledger-host"));
}

public class when_a_key_holder_is_named
{
    [Theory]
    [InlineData("os:root@ledger-host")]
    [InlineData("OS:root")]
    [InlineData("key:root")]
    [InlineData("  os:root")]
    public void a_name_imitating_a_recorder_kind_is_refused(string name)
    {
        var rejection = Recorder.ValidateKeyHolderName("name", name).ShouldNotBeNull();
        rejection.Field.ShouldBe("name");
        rejection.Message.ShouldStartWith("name may not start with 'os:' or 'key:'");
    }

    [Theory]
    [InlineData("root")]
    [InlineData("Analyst A")]
    [InlineData("alice@example.org")]
    public void an_ordinary_name_is_accepted(string name) => Recorder.ValidateKeyHolderName("name", name).ShouldBeNull();

    [Fact]
    public void a_blank_name_is_refused_naming_the_field() =>
        Recorder.ValidateKeyHolderName("name", " ")!.Message.ShouldBe("name is required");
}

public class when_the_audit_is_filtered_by_recorder
{
    [Theory]
    [InlineData("key:root")]
    [InlineData("os:root@ledger-host")]
    public void a_filter_with_a_kind_and_a_whole_name_matches_that_recorder_only(string text)
    {
        var filter = RecorderFilter.Parse("recordedBy", text).Filter.ShouldNotBeNull();
        filter.Exactly.ShouldBe([text]);
        filter.OsUserStart.ShouldBeNull();
    }

    [Fact]
    public void an_os_user_filter_without_a_host_matches_that_user_on_any_host()
    {
        var filter = RecorderFilter.Parse("recordedBy", "os:root").Filter.ShouldNotBeNull();
        filter.Exactly.ShouldBeEmpty();
        filter.OsUserStart.ShouldBe("os:root@");
    }

    [Fact]
    public void a_bare_name_matches_every_kind_and_the_values_stored_before_kinds()
    {
        var filter = RecorderFilter.Parse("recordedBy", "root").Filter.ShouldNotBeNull();
        filter.Exactly.ShouldBe(["root", "key:root"]);
        filter.OsUserStart.ShouldBe("os:root@");
    }

    [Theory]
    [InlineData("key:")]
    [InlineData("os:")]
    [InlineData("os:@ledger-host")]
    [InlineData("os:root@")]
    public void a_filter_that_names_no_one_is_refused_naming_the_field(string text) =>
        RecorderFilter.Parse("recordedBy", text).Rejection.ShouldNotBeNull().Field.ShouldBe("recordedBy");
}
