namespace Rekindle.App.Generation.Exports;

/// <summary>
/// Task.csv and Event.csv from the engagements. Tasks: calls (TaskSubtype Call; answered: CallDisposition
/// "Connected" and a duration, unanswered: no disposition and 0 s; CallType Inbound/Outbound), e-mails
/// (TaskSubtype Email; Subject "Email: ..." for a sent e-mail that was opened, "Email: Re: ..." for a reply,
/// which is how a Rekindle e-mail click is carried), web visits ("Web visit: ...") and support requests
/// ("Support request: ...") as TaskSubtype Task. Events: meetings ("Meeting: ...") and events attended
/// ("Trade show: ..." or "Webinar: ..."). Quirks: every 13th task has no AccountId (empty or the empty
/// reference) and only WhatId names the account; every 7th task's WhatId is a 15-character id; every 10th
/// task (3 modulo 10) has no ActivityDate, so the date is CreatedDate's; every 211th task has a deleted twin.
/// </summary>
internal static class SalesforceActivities
{
    public static readonly string[] TaskColumns =
        ["Id", "IsDeleted", "AccountId", "WhatId", "Subject", "TaskSubtype", "CallDisposition", "CallDurationInSeconds", "ActivityDate", "CreatedDate",
            "Status", "Description", "CallType"];

    public static readonly string[] EventColumns = ["Id", "IsDeleted", "AccountId", "WhatId", "Subject", "ActivityDate", "CreatedDate", "DurationInMinutes", "EventSubtype"];

    private static readonly string[] Mailings = ["Spring restock offer", "New safety range", "Quarterly price update", "Your account review", "Free delivery week"];
    private static readonly string[] Pages = ["/pricing", "/catalog/packaging", "/catalog/safety", "/quote", "/catalog/office"];
    private static readonly string[] Topics = ["Missing delivery", "Invoice copy", "Damaged item", "Return label", "Account access"];
    private static readonly string[] MeetingTopics = ["Quarterly review", "Product demo", "Contract renewal", "Site visit"];

    public static void Write(SourceCompany company, SalesforceRecords records, ExportCsv tasks, Func<string, System.Text.Encoding?, ExportCsv> open, IdMap ids)
    {
        var events = new List<SourceEngagement>();
        using (tasks)
        {
            tasks.Row(TaskColumns);
            var row = 0L;
            foreach (var e in company.Engagements())
            {
                if (e.Kind is "meeting" or "event")
                {
                    events.Add(e);
                    continue;
                }

                var id = SalesforceId.Create("00T", e.Number);
                var account = records.Account(e.AccountId);
                var n = row++;
                var (subject, subtype, disposition, seconds, description) = e.Kind switch
                {
                    "call_answered" => ("Call", "Call", "Connected", 60 + (e.Number * 37 % 1740), "Spoke with the buyer"),
                    "call_unanswered" => ("Call", "Call", "", 0L, "No answer"),
                    "email_open" => ("Email: " + Pick(Mailings, e.Number), "Email", "", 0L, "Opened"),
                    "email_click" => ("Email: Re: " + Pick(Mailings, e.Number), "Email", "", 0L, "Replied"),
                    "web_visit" => ("Web visit: " + Pick(Pages, e.Number), "Task", "", 0L, ""),
                    "support_ticket" => ("Support request: " + Pick(Topics, e.Number), "Task", "", 0L, ""),
                    _ => throw new InvalidDataException($"engagements.csv: unknown kind {e.Kind} ({e.Id})"),
                };
                var isCall = subtype == "Call";
                string[] fields =
                [
                    id, "0", n % 13 == 0 ? (n % 26 == 0 ? "" : SalesforceId.Empty) : account,
                    n % 7 == 0 ? SalesforceId.To15(account) : account, subject, subtype, disposition,
                    isCall ? seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : "",
                    n % 10 == 3 ? "" : ExportCsv.Date(e.Date), SalesforceExport.DateTime(e.Date, e.Number), "Completed", description,
                    isCall ? (e.Direction == "inbound" ? "Inbound" : "Outbound") : "",
                ];
                tasks.Row(fields);
                ids.Add("engagements", e.Id, id);
                if (e.Number % 211 == 0)
                {
                    fields[0] = SalesforceId.Create("00T", SalesforceExport.DeletedBase + e.Number);
                    fields[1] = "1";
                    tasks.Row(fields);
                }
            }
        }

        using var csv = open(SalesforceExport.EventFile, null);
        csv.Row(EventColumns);
        foreach (var e in events)
        {
            var id = SalesforceId.Create("00U", e.Number);
            var account = records.Account(e.AccountId);
            var subject = e.Kind == "meeting"
                ? "Meeting: " + Pick(MeetingTopics, e.Number)
                : (e.Number % 2 == 0 ? "Trade show: " : "Webinar: ") + Pick(Mailings, e.Number);
            csv.Row(id, "0", account, account, subject, ExportCsv.Date(e.Date), SalesforceExport.DateTime(e.Date, e.Number),
                e.Kind == "meeting" ? "60" : "120", "Event");
            ids.Add("engagements", e.Id, id);
        }
    }

    private static string Pick(string[] values, long key) => values[(int)(key % values.Length)];
}
