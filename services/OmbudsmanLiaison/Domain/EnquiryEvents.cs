using ComplaintsPlatform.Ombudsman.V1;
using ComplaintsPlatform.OmbudsmanLiaison.Data;
using static ComplaintsPlatform.OmbudsmanLiaison.Domain.FactDates;

namespace ComplaintsPlatform.OmbudsmanLiaison.Domain;

/// <summary>The one way an enquiry is announced, logged live or imported, so both carry the same facts.</summary>
internal static class EnquiryEvents
{
    public static EnquiryReceived Received(EnquiryRecord enquiry, bool imported) => new()
    {
        EnquiryId = enquiry.Id.ToString(),
        Ombudsman = enquiry.Ombudsman,
        OmbudsmanReference = enquiry.OmbudsmanReference,
        CaseId = enquiry.CaseId ?? "",
        CaseReference = enquiry.CaseReference ?? "",
        DirectorateId = enquiry.DirectorateId,
        ReceivedOn = ToProto(enquiry.ReceivedOn),
        PredatesPlatform = enquiry.PredatesPlatform,
        PreAllocation = enquiry.PreAllocation,
        Imported = imported,
    };
}
