using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rekindle.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Pool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ledger_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    rep_id = table.Column<string>(type: "text", nullable: false),
                    order_id = table.Column<string>(type: "text", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reverses = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    budget = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    basis = table.Column<long>(type: "bigint", nullable: false),
                    booked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    claim_id = table.Column<string>(type: "text", nullable: true),
                    detail = table.Column<string>(type: "text", nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ledger_lines", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pool_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    recorded_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    what = table.Column<string>(type: "text", nullable: false),
                    why = table.Column<string>(type: "text", nullable: true),
                    account_id = table.Column<string>(type: "text", nullable: true),
                    rep_id = table.Column<string>(type: "text", nullable: true),
                    other_rep_id = table.Column<string>(type: "text", nullable: true),
                    claim_id = table.Column<string>(type: "text", nullable: true),
                    order_id = table.Column<string>(type: "text", nullable: true),
                    amount = table.Column<long>(type: "bigint", nullable: true),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pool_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pool_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    author_rep_id = table.Column<string>(type: "text", nullable: false),
                    written_on = table.Column<DateOnly>(type: "date", nullable: false),
                    players = table.Column<string>(type: "text", nullable: false),
                    policies = table.Column<string>(type: "text", nullable: false),
                    politics = table.Column<string>(type: "text", nullable: false),
                    free_text = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pool_notes", x => x.id);
                    table.ForeignKey(
                        name: "FK_pool_notes_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "account_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pool_releases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    released_on = table.Column<DateOnly>(type: "date", nullable: false),
                    previous_owner_rep_id = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    why = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pool_releases", x => x.id);
                    table.ForeignKey(
                        name: "FK_pool_releases_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "account_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pool_claims",
                columns: table => new
                {
                    claim_id = table.Column<string>(type: "text", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    rep_id = table.Column<string>(type: "text", nullable: false),
                    claimed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    release_id = table.Column<long>(type: "bigint", nullable: false),
                    last_activity_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_sale_order_id = table.Column<string>(type: "text", nullable: true),
                    first_sale_on = table.Column<DateOnly>(type: "date", nullable: true),
                    ended_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pool_claims", x => x.claim_id);
                    table.ForeignKey(
                        name: "FK_pool_claims_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "account_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_pool_claims_pool_releases_release_id",
                        column: x => x.release_id,
                        principalTable: "pool_releases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ledger_lines_order_id",
                table: "ledger_lines",
                column: "order_id");

            migrationBuilder.CreateIndex(
                name: "IX_ledger_lines_rep_id_booked_on",
                table: "ledger_lines",
                columns: new[] { "rep_id", "booked_on" });

            migrationBuilder.CreateIndex(
                name: "IX_pool_claims_account_id_sequence",
                table: "pool_claims",
                columns: new[] { "account_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pool_claims_release_id",
                table: "pool_claims",
                column: "release_id");

            migrationBuilder.CreateIndex(
                name: "IX_pool_claims_rep_id_claimed_on",
                table: "pool_claims",
                columns: new[] { "rep_id", "claimed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_pool_claims_one_held_per_account",
                table: "pool_claims",
                column: "account_id",
                unique: true,
                filter: "ended_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_pool_events_account_id",
                table: "pool_events",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_pool_events_occurred_on",
                table: "pool_events",
                column: "occurred_on");

            migrationBuilder.CreateIndex(
                name: "IX_pool_notes_account_id_author_rep_id",
                table: "pool_notes",
                columns: new[] { "account_id", "author_rep_id" });

            migrationBuilder.CreateIndex(
                name: "IX_pool_releases_account_id_released_on",
                table: "pool_releases",
                columns: new[] { "account_id", "released_on" });

            // The pool's events, the ledger and the handoff notes are append-only: the database refuses to change, delete or truncate a row.
            migrationBuilder.Sql("CREATE FUNCTION pool_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER pool_events_no_change BEFORE UPDATE OR DELETE ON pool_events FOR EACH ROW EXECUTE FUNCTION pool_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER pool_events_no_truncate BEFORE TRUNCATE ON pool_events FOR EACH STATEMENT EXECUTE FUNCTION pool_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER ledger_lines_no_change BEFORE UPDATE OR DELETE ON ledger_lines FOR EACH ROW EXECUTE FUNCTION pool_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON ledger_lines FOR EACH STATEMENT EXECUTE FUNCTION pool_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER pool_notes_no_change BEFORE UPDATE OR DELETE ON pool_notes FOR EACH ROW EXECUTE FUNCTION pool_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER pool_notes_no_truncate BEFORE TRUNCATE ON pool_notes FOR EACH STATEMENT EXECUTE FUNCTION pool_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ledger_lines");

            migrationBuilder.DropTable(
                name: "pool_claims");

            migrationBuilder.DropTable(
                name: "pool_events");

            migrationBuilder.DropTable(
                name: "pool_notes");

            migrationBuilder.DropTable(
                name: "pool_releases");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS pool_append_only();");
        }
    }
}
