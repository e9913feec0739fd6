using System.Globalization;
using System.Text;
using NegotiationTracker.Domain.Common;
using NegotiationTracker.Domain.Parties;
using NegotiationTracker.Projections.Timeline;
using static NegotiationTracker.Reports.Html;

namespace NegotiationTracker.Reports;

/// <summary>
/// The timeline as an SVG chart: one horizontal lane per party, time running left to right, a mark per dated event.
/// A date known only to the month or year is drawn as a bar across that whole period and its marks sit at the period's
/// middle, so the chart never claims a precision the sources do not give. Undated entries (issues, most joins) are left out.
/// </summary>
public static class SvgTimeline
{
    // Drawing units, not pixels: the chart scales to the page's width (viewBox + width 100%), on screen and on A4.
    private const double Width = 1000;
    private const double LabelWidth = 230;
    private const double PlotLeft = LabelWidth + 14;
    private const double PlotRight = Width - 22;
    private const double Spacing = 15;
    private const double RowHeight = 16;
    private const double LanePadding = 8;
    private const double BarSpace = 9;
    private const double LabelLineHeight = 13;
    private const double GroupHeadingHeight = 22;
    private const double AxisHeight = 30;
    private const double LegendHeight = 66;
    private const int LabelLineLength = 32;
    private const double LegendCharWidth = 6.6;
    private const string BarColour = "#64748b";

    public static string Render(NegotiationReport report)
    {
        var index = new ReportIndex(report);
        var dated = report.Timeline.Where(i => i.Entry.Said is not null).ToList();
        if (dated.Count == 0)
        {
            return $"""<svg id="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(Width)} 40" width="100%" role="img"><text x="{N(Width / 2)}" y="24" text-anchor="middle" class="empty">No dated events to chart yet.</text></svg>""";
        }

        var scale = Scale.For(dated.Select(i => i.Entry.Said!.Value));
        var lanes = Lanes(index, dated).Select(lane => lane.Layout(scale)).ToList();
        var svg = new StringBuilder();
        var y = 6.0;
        var body = new StringBuilder();
        var stripe = 0;
        foreach (var lane in lanes)
        {
            if (lane.FirstCommentator)
            {
                body.AppendLine($"""<g class="lane-group"><line x1="0" x2="{N(Width)}" y1="{N(y + 6)}" y2="{N(y + 6)}" stroke="#94a3b8" stroke-dasharray="4 3"/><text x="4" y="{N(y + 17)}" class="group">Commentary: analysts and media, not negotiating parties</text></g>""");
                y += GroupHeadingHeight;
            }

            body.Append(lane.Draw(index, scale, y, stripe++ % 2 == 1));
            y += lane.Height;
        }

        var plotBottom = y;
        var height = plotBottom + AxisHeight + LegendHeight;
        svg.AppendLine($"""<svg id="timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {N(Width)} {N(height)}" width="100%" role="img" aria-labelledby="timeline-chart-title" font-family="system-ui, 'Segoe UI', 'DejaVu Sans', Arial, sans-serif">""");
        svg.AppendLine($"""<title id="timeline-chart-title">{Encode($"Timeline of {report.State.Title}: {dated.Count} dated events from {scale.First} to {scale.Last}")}</title>""");
        svg.AppendLine("""<style>.lane-name{font-size:12px;fill:#0f172a;font-weight:600}.lane-role{font-size:10px;fill:#64748b}.tick{font-size:11px;fill:#475569}.group{font-size:11px;fill:#475569;font-style:italic}.legend{font-size:11px;fill:#334155}.empty{font-size:13px;fill:#64748b}</style>""");
        svg.Append(Grid(scale, 0, plotBottom));
        svg.Append(body);
        svg.Append(Axis(scale, plotBottom));
        svg.Append(Legend(plotBottom + AxisHeight + 4));
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<Lane> Lanes(ReportIndex index, IReadOnlyList<TimelineItem> dated)
    {
        var general = dated.Where(i => i.Entry.PartyId is null).ToList();
        if (general.Count > 0)
        {
            yield return new Lane("negotiation", null, "The negotiation", "opened · status · sources · agreements", general, false);
        }

        // Every party the timeline names gets a lane, even one with no dated event: an empty lane shows who stayed silent.
        var inTimeline = index.Report.Timeline.Select(i => i.Entry.PartyId).OfType<string>().ToHashSet();
        var known = index.NegotiatingParties.Concat(index.Commentators).Select(p => p.Id).ToList();
        var order = known.Where(inTimeline.Contains)
            .Concat(inTimeline.Except(known).Order(StringComparer.Ordinal))
            .ToList();
        var firstCommentator = order.FirstOrDefault(index.IsCommentator);
        var negotiating = order.Where(id => !index.IsCommentator(id));
        var commentators = order.Where(index.IsCommentator);
        foreach (var id in negotiating.Concat(commentators))
        {
            var party = index.Party(id);
            yield return new Lane($"party:{id}", id, party?.Name ?? id, ReportIndex.RoleOf(party), dated.Where(i => i.Entry.PartyId == id).ToList(), id == firstCommentator);
        }
    }

    private static string Grid(Scale scale, double top, double bottom)
    {
        var grid = new StringBuilder("<g class=\"grid\">");
        foreach (var tick in scale.Ticks())
        {
            var x = scale.X(tick.At);
            grid.Append($"""<line x1="{N(x)}" x2="{N(x)}" y1="{N(top)}" y2="{N(bottom)}" stroke="#e2e8f0"/>""");
        }

        return grid.AppendLine("</g>").ToString();
    }

    private static string Axis(Scale scale, double y)
    {
        var axis = new StringBuilder($"""<g class="axis"><line x1="{N(PlotLeft)}" x2="{N(PlotRight)}" y1="{N(y)}" y2="{N(y)}" stroke="#475569"/>""");
        foreach (var tick in scale.Ticks())
        {
            var x = scale.X(tick.At);
            axis.Append($"""<line x1="{N(x)}" x2="{N(x)}" y1="{N(y)}" y2="{N(y + 5)}" stroke="#475569"/><text x="{N(x)}" y="{N(y + 18)}" text-anchor="middle" class="tick">{Encode(tick.Label)}</text>""");
        }

        return axis.AppendLine("</g>").ToString();
    }

    private static string Legend(double y)
    {
        (string Kind, string? Fill, string Label)[] items =
        [
            (TimelineKinds.Statement, StanceColour(Stance.Supports), "supports"),
            (TimelineKinds.Statement, StanceColour(Stance.Opposes), "opposes"),
            (TimelineKinds.Statement, StanceColour(Stance.Conditional), "conditional"),
            (TimelineKinds.Statement, StanceColour(Stance.Neutral), "neutral"),
            (TimelineKinds.Statement, null, "statement, no stance"),
            (TimelineKinds.ProposalTabled, null, "proposal"),
            (TimelineKinds.ProposalAnswered, AnswerColour("accept"), "answer"),
            (TimelineKinds.AgreementReached, null, "agreement"),
            (TimelineKinds.AgreementSigned, null, "signature"),
            (TimelineKinds.StatusChanged, null, "opened / status"),
        ];
        var legend = new StringBuilder("<g class=\"legend-items\">");
        var x = 8.0;
        var top = y;
        void Next(double width)
        {
            // Wraps to a second row rather than run off the chart's right edge.
            if (x + width > Width - 8)
            {
                x = 8;
                top += 18;
            }
        }

        foreach (var (kind, fill, label) in items)
        {
            var width = 30 + (label.Length * LegendCharWidth);
            Next(width);
            legend.Append($"""<g transform="translate({N(x + 6)} {N(top + 10)})">{Shape(kind, fill)}</g><text x="{N(x + 16)}" y="{N(top + 14)}" class="legend">{Encode(label)}</text>""");
            x += width;
        }

        (string Status, bool Contested, string Label)[] standings =
        [
            (RecordStatuses.Standing, true, "contested"),
            (RecordStatuses.Retracted, false, "retracted or void"),
            (RecordStatuses.Duplicate, false, "duplicate"),
        ];
        foreach (var (status, contested, label) in standings)
        {
            var width = 30 + (label.Length * LegendCharWidth);
            Next(width);
            var sample = new TimelineEntry { Kind = TimelineKinds.Statement, Stance = Stance.Supports, Status = status, Contested = contested };
            legend.Append($"""<g transform="translate({N(x + 6)} {N(top + 10)})">{StatementShape(sample)}</g><text x="{N(x + 16)}" y="{N(top + 14)}" class="legend">{Encode(label)}</text>""");
            x += width;
        }

        const string period = "period of a partial date";
        Next(50 + (period.Length * LegendCharWidth));
        legend.Append($"""<rect x="{N(x + 2)}" y="{N(top + 8)}" width="34" height="4" rx="2" fill="{BarColour}" fill-opacity="0.6"/><text x="{N(x + 42)}" y="{N(top + 14)}" class="legend">{period}</text>""");
        return legend.AppendLine("</g>").ToString();
    }

    /// <summary>A mark's shape, drawn around (0, 0): the shape says what happened, the colour which way.</summary>
    private static string Shape(string kind, string? fill) => kind switch
    {
        TimelineKinds.Statement when fill is null => """<circle r="5" fill="#ffffff" stroke="#334155" stroke-width="1.6"/>""",
        TimelineKinds.Statement => $"""<circle r="5.5" fill="{fill}" stroke="#ffffff" stroke-width="1"/>""",
        TimelineKinds.ProposalTabled => """<rect x="-5.5" y="-5.5" width="11" height="11" fill="#1d4ed8" stroke="#ffffff" stroke-width="1"/>""",
        TimelineKinds.ProposalWithdrawn => """<rect x="-5" y="-5" width="10" height="10" fill="#ffffff" stroke="#1d4ed8" stroke-width="1.6"/><line x1="-5" y1="5" x2="5" y2="-5" stroke="#1d4ed8" stroke-width="1.6"/>""",
        TimelineKinds.ProposalAnswered => $"""<path d="M0 -7 L7 0 L0 7 L-7 0 Z" fill="{fill ?? "#64748b"}" stroke="#ffffff" stroke-width="1"/>""",
        TimelineKinds.AgreementReached => $"""<path d="{Star(8.5)}" fill="#7c3aed" stroke="#ffffff" stroke-width="0.8"/>""",
        TimelineKinds.AgreementSigned => $"""<path d="{Star(7)}" fill="#ffffff" stroke="#7c3aed" stroke-width="1.6"/>""",
        TimelineKinds.Opened or TimelineKinds.StatusChanged => """<path d="M-5 -6 L6 0 L-5 6 Z" fill="#0f172a"/>""",
        TimelineKinds.Joined => """<circle r="3.5" fill="#ffffff" stroke="#94a3b8" stroke-width="1.4"/>""",
        TimelineKinds.SourceRegistered => """<path d="M-4 -5 H2 L4 -3 V5 H-4 Z" fill="#e2e8f0" stroke="#64748b" stroke-width="1"/>""",
        _ => """<circle r="3" fill="#94a3b8"/>""",
    };

    /// <summary>
    /// A statement that does not stand unchallenged is drawn so at a glance: a record that no longer stands (retracted, void,
    /// a duplicate) is hollow, in its stance's colour, struck through when void or retracted and dashed when a duplicate; a
    /// contested one keeps its fill inside a dashed dark ring. Null for everything else.
    /// </summary>
    private static string? StatementShape(TimelineEntry entry)
    {
        if (entry.Kind != TimelineKinds.Statement)
        {
            return null;
        }

        var colour = Fill(entry) ?? "#334155";
        return entry.Status switch
        {
            RecordStatuses.Void or RecordStatuses.Retracted => $"""<circle r="5" fill="#ffffff" stroke="{colour}" stroke-width="1.6"/><line x1="-5" y1="5" x2="5" y2="-5" stroke="#334155" stroke-width="1.6"/>""",
            RecordStatuses.Duplicate => $"""<circle r="5" fill="#ffffff" stroke="{colour}" stroke-width="1.6" stroke-dasharray="2 2"/>""",
            _ when entry.Contested => $"""<circle r="5.5" fill="{Fill(entry) ?? "#ffffff"}" stroke="#0f172a" stroke-width="1.6" stroke-dasharray="2 1.5"/>""",
            _ => null,
        };
    }

    private static string Star(double outer)
    {
        var points = Enumerable.Range(0, 10).Select(i =>
        {
            var radius = i % 2 == 0 ? outer : outer * 0.45;
            var angle = (Math.PI / 5 * i) - (Math.PI / 2);
            return $"{N(radius * Math.Cos(angle))} {N(radius * Math.Sin(angle))}";
        });
        return "M" + string.Join(" L", points) + " Z";
    }

    internal static string StanceColour(Stance stance) => stance switch
    {
        Stance.Supports => "#1a7f37",
        Stance.Opposes => "#cf222e",
        Stance.Conditional => "#b7791f",
        _ => "#6e7781",
    };

    private static string? AnswerColour(string answer) => answer switch
    {
        "accept" => StanceColour(Stance.Supports),
        "reject" => StanceColour(Stance.Opposes),
        "counter" => StanceColour(Stance.Conditional),
        _ => null,
    };

    private static string? Fill(TimelineEntry entry) => entry.Kind switch
    {
        TimelineKinds.Statement => entry.Stance is { } stance ? StanceColour(stance) : null,
        TimelineKinds.ProposalAnswered => AnswerColour(entry.Title),
        _ => null,
    };

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private sealed record Placed(TimelineItem Item, double X, int Row);

    private sealed record Lane(string Key, string? PartyId, string Name, string Role, IReadOnlyList<TimelineItem> Items, bool FirstCommentator)
    {
        public IReadOnlyList<Placed> Marks { get; private init; } = [];

        public int Rows { get; private init; } = 1;

        public double Height => Math.Max((Rows * RowHeight) + (2 * LanePadding) + BarSpace, (NameLines.Count + 1) * LabelLineHeight + 12);

        public IReadOnlyList<string> NameLines => Wrap(Name);

        /// <summary>
        /// Marks said on the same date (or dates too close to tell apart at this scale) are spread side by side across
        /// their period, and into further rows when the period is too narrow, so none hides another.
        /// </summary>
        public Lane Layout(Scale scale)
        {
            var wanted = Items
                .Select(i => (Item: i, X: scale.X(scale.Middle(i.Entry.Said!.Value)), Width: scale.X(Scale.End(i.Entry.Said!.Value)) - scale.X(i.Entry.Said!.Value.Start)))
                .OrderBy(w => w.X).ThenBy(w => w.Item.Entry.Sequence)
                .ToList();
            var placed = new List<Placed>();
            var rows = 1;
            var start = 0;
            while (start < wanted.Count)
            {
                var end = start + 1;
                while (end < wanted.Count && wanted[end].X - wanted[end - 1].X < Spacing)
                {
                    end++;
                }

                var cluster = wanted.GetRange(start, end - start);
                var room = Math.Max(Spacing, cluster.Min(c => c.Width));
                var columns = Math.Clamp((int)Math.Floor(room / Spacing), 1, cluster.Count);
                var clusterRows = (int)Math.Ceiling(cluster.Count / (double)columns);
                var centre = (cluster[0].X + cluster[^1].X) / 2;
                for (var i = 0; i < cluster.Count; i++)
                {
                    var row = i / columns;
                    var inRow = row == clusterRows - 1 ? cluster.Count - (row * columns) : columns;
                    var x = centre + ((i % columns) - ((inRow - 1) / 2.0)) * Spacing;
                    placed.Add(new Placed(cluster[i].Item, Math.Clamp(x, PlotLeft + 6, PlotRight - 6), row));
                }

                rows = Math.Max(rows, clusterRows);
                start = end;
            }

            return this with { Marks = placed, Rows = rows };
        }

        public string Draw(ReportIndex index, Scale scale, double top, bool striped)
        {
            var party = PartyId is null ? "" : $" data-party=\"{Encode(PartyId)}\"";
            var lane = new StringBuilder($"<g class=\"lane\" data-lane=\"{Encode(Key)}\"{party}>");
            if (striped)
            {
                lane.Append($"""<rect x="0" y="{N(top)}" width="{N(Width)}" height="{N(Height)}" fill="#f8fafc"/>""");
            }

            lane.Append($"""<line x1="0" x2="{N(Width)}" y1="{N(top + Height)}" y2="{N(top + Height)}" stroke="#e2e8f0"/>""");
            lane.Append($"<g class=\"lane-label\"><title>{Encode($"{Name} ({Role})")}</title>");
            var lines = NameLines;
            var labelTop = top + ((Height - ((lines.Count + 1) * LabelLineHeight)) / 2) + 10;
            for (var i = 0; i < lines.Count; i++)
            {
                lane.Append($"""<text x="8" y="{N(labelTop + (i * LabelLineHeight))}" class="lane-name">{Encode(lines[i])}</text>""");
            }

            lane.Append($"""<text x="8" y="{N(labelTop + (lines.Count * LabelLineHeight))}" class="lane-role">{Encode(Role)}</text></g>""");

            // One bar per distinct partial date in the lane, under its marks: "2024-09" visibly covers September.
            var bottom = top + Height - LanePadding;
            foreach (var period in Items.Select(i => i.Entry.Said!.Value).Where(d => d.Precision != DatePrecision.Instant).Distinct())
            {
                var x1 = scale.X(period.Start);
                var x2 = scale.X(Scale.End(period));
                var count = Items.Count(i => i.Entry.Said == period);
                // Coarser periods are paler, so a year-long bar does not outweigh the month when most things happened.
                var opacity = period.Precision == DatePrecision.Year ? 0.22 : 0.6;
                lane.Append($"""<rect class="period" x="{N(x1)}" y="{N(bottom - 4)}" width="{N(Math.Max(2, x2 - x1))}" height="4" rx="2" fill="{BarColour}" fill-opacity="{N(opacity)}"><title>{Encode($"{period}: {count} event{(count == 1 ? "" : "s")} dated only to this {period.Precision.Word()}")}</title></rect>""");
            }

            foreach (var mark in Marks)
            {
                var entry = mark.Item.Entry;
                var y = top + LanePadding + (RowHeight / 2) + (mark.Row * RowHeight);
                var tooltip = $"{Wording.Date(entry.Said)} · {Wording.Who(index, mark.Item)} · {Wording.What(index, entry)}";
                var status = entry.Status is { } read ? $" data-status=\"{Encode(read)}\"{(entry.Contested ? " data-contested=\"true\"" : "")}" : "";
                lane.Append($"""<g class="mark" data-kind="{Encode(entry.Kind)}" data-sequence="{entry.Sequence}"{status} transform="translate({N(mark.X)} {N(y)})"><title>{Encode(tooltip)}</title>{StatementShape(entry) ?? Shape(entry.Kind, Fill(entry))}</g>""");
            }

            return lane.AppendLine("</g>").ToString();
        }

        private static IReadOnlyList<string> Wrap(string name)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > LabelLineLength)
                {
                    lines.Add(line);
                    line = word;
                }
                else
                {
                    line = line.Length == 0 ? word : $"{line} {word}";
                }
            }

            lines.Add(line);
            if (lines.Count <= 2)
            {
                return lines.Select(l => l.Length > LabelLineLength ? l[..(LabelLineLength - 1)] + "…" : l).ToList();
            }

            var second = lines[1];
            return [lines[0], (second.Length > LabelLineLength - 1 ? second[..(LabelLineLength - 1)] : second) + "…"];
        }
    }

    /// <summary>Maps dates to x: from the start of the earliest period to the end of the latest, with a little air either side.</summary>
    private sealed record Scale(DateTimeOffset From, DateTimeOffset To, PartialDate First, PartialDate Last)
    {
        public static Scale For(IEnumerable<PartialDate> dates)
        {
            var all = dates.ToList();
            var first = all.Min();
            var last = all.MaxBy(End);
            var start = first.Start;
            var end = all.Max(End);
            if (end - start < TimeSpan.FromHours(1))
            {
                start -= TimeSpan.FromHours(12);
                end += TimeSpan.FromHours(12);
            }

            var air = TimeSpan.FromTicks((end - start).Ticks / 40);
            return new Scale(start - air, end + air, first, last);
        }

        /// <summary>The end of a date's period; a year-9999 date (unbounded end) is drawn as that year.</summary>
        public static DateTimeOffset End(PartialDate date) => date.End == DateTimeOffset.MaxValue ? date.Start.AddDays(1) : date.End;

        public DateTimeOffset Middle(PartialDate date) => date.Start + ((End(date) - date.Start) / 2);

        public double X(DateTimeOffset at) => PlotLeft + ((at - From).Ticks / (double)(To - From).Ticks * (PlotRight - PlotLeft));

        public IEnumerable<(DateTimeOffset At, string Label)> Ticks()
        {
            var span = To - From;
            var invariant = CultureInfo.InvariantCulture;
            if (span.TotalDays > 365 * 4)
            {
                var step = Math.Max(1, (int)Math.Ceiling(span.TotalDays / 365.25 / 12));
                var year = ((From.Year / step) + 1) * step;
                for (var at = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero); at <= To; at = at.AddYears(step))
                {
                    yield return (at, at.Year.ToString(invariant));
                }
            }
            else if (span.TotalDays > 62)
            {
                var months = (span.TotalDays / 30.44) + 1;
                var step = new[] { 1, 2, 3, 6, 12 }.First(s => months / s <= 14 || s == 12);
                var at = new DateTimeOffset(From.Year, From.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
                while ((at.Month - 1) % step != 0)
                {
                    at = at.AddMonths(1);
                }

                for (var first = true; at <= To; at = at.AddMonths(step), first = false)
                {
                    yield return (at, at.ToString(first || at.Month == 1 ? "MMM yyyy" : "MMM", invariant));
                }
            }
            else if (span.TotalDays > 2)
            {
                var step = new[] { 1, 2, 7, 14 }.First(s => span.TotalDays / s <= 14 || s == 14);
                var at = new DateTimeOffset(From.Year, From.Month, From.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
                for (var first = true; at <= To; at = at.AddDays(step), first = false)
                {
                    yield return (at, at.ToString(first || at.Day == 1 ? "d MMM yyyy" : "d MMM", invariant));
                }
            }
            else
            {
                var step = new[] { 1, 2, 3, 6, 12 }.First(s => span.TotalHours / s <= 14 || s == 12);
                var at = new DateTimeOffset(From.Year, From.Month, From.Day, From.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
                for (var first = true; at <= To; at = at.AddHours(step), first = false)
                {
                    yield return (at, at.ToString(first || at.Hour == 0 ? "d MMM HH:mm" : "HH:mm", invariant));
                }
            }
        }
    }
}
