using System.Text;

namespace ComplaintsPlatform.Calendar.Tests.Support;

/// <summary>Small gov.uk-format files built in tests, to exercise loading and rules the real data never triggers.</summary>
internal static class SyntheticData
{
    public static string Json(params string[] dates) => Json(key => dates);

    public static string Json(Func<string, string[]> datesFor)
    {
        var divisions = new[] { "england-and-wales", "scotland", "northern-ireland" }.Select(key =>
            $"\"{key}\":{{\"division\":\"{key}\",\"events\":[" +
            string.Join(",", datesFor(key).Select(d => $"{{\"title\":\"Day {d}\",\"date\":\"{d}\",\"notes\":\"\",\"bunting\":true}}")) + "]}");
        return "{" + string.Join(",", divisions) + "}";
    }

    public static BankHolidayData Load(string json) => BankHolidayData.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)));
}
