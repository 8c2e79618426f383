namespace ComplaintsPlatform.Intake.Correspondence;

/// <summary>The words of the letters about an unreasonable-behaviour restriction (the Ombudsman paragraph is added by Templates).</summary>
internal static class RestrictionLetters
{
    public static string Render(string template, Func<string, string?> fact, Action<string?> add, string re)
    {
        var what = fact("restriction_text") ?? "a restriction on how you contact us";
        if (template == Templates.RestrictionReview && fact("ended_on") is { } ended)
        {
            add($"We have reviewed the restriction on how you contact us ({what}). It ended on {ended}: you can contact us in the usual ways.");
            return $"The restriction on how you contact us has ended{re}";
        }
        add(template == Templates.RestrictionNotice
            ? $"We have decided that, from {fact("start_on") ?? "now"}, we need to manage how you contact us: {what}."
            : $"We have reviewed the restriction on how you contact us. From {fact("reviewed_on") ?? "now"} it is: {what}.");
        add(fact("details"));
        add(fact("reason") is { } reason ? $"Why we have decided this: {reason}" : null);
        add("This does not stop you making a complaint. We will still read everything you send us, "
            + "and any new complaint or concern will be considered in the usual way.");
        add(fact("review_on") is { } review ? $"We will review this decision by {review} and write to you with the outcome." : null);
        return template == Templates.RestrictionNotice
            ? $"How you can contact us{re}"
            : $"We have reviewed how you can contact us{re}";
    }
}
