using Xunit;
using ComplaintsPlatform.Hosting.Errors;
using ComplaintsPlatform.Intake.V1;

namespace ComplaintsPlatform.Hosting.Tests;

public sealed class TextLimitTests
{
    [Fact]
    public void A_text_over_the_ceiling_anywhere_in_a_request_is_a_violation_naming_its_path()
    {
        var request = new SubmitRequest
        {
            Description = new string('x', TextLimitInterceptor.MaxTextLength),
            Contact = new ContactDetails { Address = new PostalAddress { Lines = { "1 High Street", new string('y', TextLimitInterceptor.MaxTextLength + 1) } } },
        };

        var error = Assert.Throws<ValidationException>(() => TextLimitInterceptor.ThrowIfTooLong(request));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("contact.address.lines[1]", violation.Field);
    }

    [Fact]
    public void Text_up_to_the_ceiling_passes()
    {
        var request = new SubmitRequest { Description = new string('x', TextLimitInterceptor.MaxTextLength) };

        TextLimitInterceptor.ThrowIfTooLong(request);
    }
}
