using Microsoft.EntityFrameworkCore.Migrations;

namespace ComplaintsPlatform.Messaging.Outbox;

/// <summary>
/// The outbox announces its commits: a statement trigger on <c>outbox_events</c> calls
/// <c>pg_notify</c>, which PostgreSQL delivers when (and only if) the writing transaction commits,
/// once per transaction whatever it inserted. The sequencer LISTENs and positions the new rows at
/// once instead of at its next poll. Every writer is covered, imports' raw SQL included; a lost
/// notification (a listener reconnecting) costs one poll interval, never an event.
/// </summary>
public static class OutboxNotify
{
    /// <summary>The channel of a schema's outbox (schemas are lower-case identifiers, ServiceDatabase).</summary>
    public static string Channel(string schema) => schema + "_outbox";

    /// <summary>For a service's migration: the trigger and its function, in the service's own schema.</summary>
    public static MigrationBuilder CreateOutboxNotify(this MigrationBuilder migration, string schema)
    {
        migration.Sql($"""
            CREATE OR REPLACE FUNCTION "{schema}".outbox_events_notify() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM pg_notify('{Channel(schema)}', '');
                RETURN NULL;
            END
            $$;
            CREATE TRIGGER outbox_events_notify AFTER INSERT ON "{schema}".outbox_events
                FOR EACH STATEMENT EXECUTE FUNCTION "{schema}".outbox_events_notify();
            """);
        return migration;
    }

    public static MigrationBuilder DropOutboxNotify(this MigrationBuilder migration, string schema)
    {
        migration.Sql($"""
            DROP TRIGGER IF EXISTS outbox_events_notify ON "{schema}".outbox_events;
            DROP FUNCTION IF EXISTS "{schema}".outbox_events_notify();
            """);
        return migration;
    }
}
