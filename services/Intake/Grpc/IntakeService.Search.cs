using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Hosting.Identity;
using ComplaintsPlatform.Intake.Data;
using ComplaintsPlatform.Intake.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace ComplaintsPlatform.Intake.Grpc;

// The complaints team finds a person's contacts. Personal data: every search is in the access log
// (the fields searched, never the words; one row per contact shown, or one for a search that found none).
public sealed partial class IntakeService
{
    private const int DefaultSearchPage = 25;
    private const int MaxSearchPage = 100;

    [Authorize(Roles = Roles.ComplaintsTeam)]
    public override async Task<SearchContactsReply> SearchContacts(SearchContactsRequest request, ServerCallContext context)
    {
        var v = new Validator()
            .MaxLength(request.Reference, "reference", 20).MaxLength(request.Name, "name", 200).MaxLength(request.Email, "email", 320)
            .MaxLength(request.Phone, "phone", 40).MaxLength(request.Postcode, "postcode", 16);
        var phone = new string(request.Phone.Where(char.IsAsciiDigit).ToArray()).TrimStart('0');
        var postcode = request.Postcode.Replace(" ", "").Trim().ToUpperInvariant();
        var name = request.Name.Trim();
        var searched = new List<string>();
        void Use(bool given, string field)
        {
            if (given)
            {
                searched.Add(field);
            }
        }
        Use(request.Reference.Trim().Length > 0, "reference");
        Use(name.Length > 0, "name");
        Use(request.Email.Trim().Length > 0, "email");
        Use(request.Phone.Trim().Length > 0, "phone");
        Use(postcode.Length > 0, "postcode");
        v.Require(searched.Count > 0, "reference", "or a name, email, phone or postcode is required");
        v.Require(request.Phone.Trim().Length == 0 || phone.Length >= 6, "phone", "must have at least 6 digits");
        v.Require(name.Length == 0 || name.Length >= 2, "name", "must be at least 2 characters");
        v.Require(request.PageSize is >= 0 and <= MaxSearchPage, "page_size", $"must be between 0 and {MaxSearchPage}");
        v.ThrowIfInvalid();

        var query = db.Contacts.AsNoTracking();
        if (request.Reference.Trim().Length > 0)
        {
            var reference = request.Reference.Trim().ToUpperInvariant();
            query = query.Where(c => c.Reference.ToUpper() == reference);
        }
        if (name.Length > 0)
        {
            var pattern = "%" + name.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern) || (c.RepresentativeName != null && EF.Functions.ILike(c.RepresentativeName, pattern)));
        }
        if (request.Email.Trim().Length > 0)
        {
            var email = request.Email.Trim().ToLowerInvariant();
            query = query.Where(c => (c.Email != null && c.Email.ToLower() == email) || (c.RepresentativeEmail != null && c.RepresentativeEmail.ToLower() == email));
        }
        if (phone.Length > 0)
        {
            // 07700 900123, +44 7700 900123 and 07700-900-123 are the same phone: compare the digits after any 0 or 44.
            query = query.Where(c =>
                (c.Phone != null && c.Phone.Replace(" ", "").Replace("-", "").Replace("(", "").Replace(")", "").Replace(".", "").EndsWith(phone))
                || (c.RepresentativePhone != null
                    && c.RepresentativePhone.Replace(" ", "").Replace("-", "").Replace("(", "").Replace(")", "").Replace(".", "").EndsWith(phone)));
        }
        if (postcode.Length > 0)
        {
            query = query.Where(c => (c.Postcode != null && c.Postcode.Replace(" ", "").ToUpper() == postcode)
                || (c.RepresentativePostcode != null && c.RepresentativePostcode.Replace(" ", "").ToUpper() == postcode));
        }
        var size = request.PageSize == 0 ? DefaultSearchPage : request.PageSize;
        var found = await query.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id).Take(size + 1).ToListAsync(context.CancellationToken);

        var caller = Caller.From(context);
        var action = "search by " + string.Join(", ", searched);
        var now = clock.GetUtcNow().UtcDateTime;
        db.AccessLog.AddRange(found.Count == 0
            ? [new AccessRecord { ContactId = Guid.Empty, Subject = caller.Subject, Action = action + " (no match)", At = now }]
            : found.Take(size).Select(c => new AccessRecord { ContactId = c.Id, Subject = caller.Subject, Action = action, At = now }));
        await db.SaveChangesAsync(context.CancellationToken);
        return new SearchContactsReply
        {
            Matches =
            {
                found.Take(size).Select(c => new ContactMatch
                {
                    ContactId = c.Id.ToString(),
                    Reference = c.Reference,
                    Name = c.Name,
                    Kind = (ContactKind)c.Kind,
                    Channel = (Channel)c.Channel,
                    ReceivedAt = ContactMapping.Ts(c.ReceivedAt),
                    Decision = (TriageDecision)c.Decision,
                    Postcode = c.Postcode ?? "",
                    Email = c.Email ?? "",
                }),
            },
            More = found.Count > size,
        };
    }
}
