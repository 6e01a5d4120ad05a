using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Rekindle.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    launch_on = table.Column<DateOnly>(type: "date", nullable: false),
                    seed = table.Column<int>(type: "integer", nullable: false),
                    holdout_share = table.Column<long>(type: "bigint", nullable: false),
                    attribution_window_days = table.Column<int>(type: "integer", nullable: false),
                    policy_version_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    segments = table.Column<string>(type: "text", nullable: false),
                    plays = table.Column<string>(type: "text", nullable: false),
                    currency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    treatment_accounts = table.Column<int>(type: "integer", nullable: false),
                    control_accounts = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaigns", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campaign_members",
                columns: table => new
                {
                    campaign_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    group = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    play = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    segment_code = table.Column<string>(type: "text", nullable: false),
                    band_label = table.Column<string>(type: "text", nullable: false),
                    tier = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    key = table.Column<bool>(type: "boolean", nullable: false),
                    days_since_last_order = table.Column<int>(type: "integer", nullable: false),
                    last_order_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revenue_at_stake = table.Column<long>(type: "bigint", nullable: false),
                    account_name = table.Column<string>(type: "text", nullable: false),
                    owner_rep_id = table.Column<string>(type: "text", nullable: false),
                    rep_name = table.Column<string>(type: "text", nullable: true),
                    favourite_level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    favourite_key = table.Column<string>(type: "text", nullable: true),
                    favourite_name = table.Column<string>(type: "text", nullable: true),
                    favourite_orders = table.Column<int>(type: "integer", nullable: true),
                    favourite_spend = table.Column<long>(type: "bigint", nullable: true),
                    favourite_last_bought_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_members", x => new { x.campaign_id, x.account_id });
                    table.ForeignKey(
                        name: "FK_campaign_members_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "account_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_campaign_members_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_messages",
                columns: table => new
                {
                    campaign_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    contact_id = table.Column<string>(type: "text", nullable: true),
                    contact_first_name = table.Column<string>(type: "text", nullable: true),
                    contact_last_name = table.Column<string>(type: "text", nullable: true),
                    address = table.Column<string>(type: "text", nullable: true),
                    offer_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    offer_value = table.Column<long>(type: "bigint", nullable: true),
                    offer_code = table.Column<string>(type: "text", nullable: true),
                    subject = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_messages", x => new { x.campaign_id, x.account_id });
                    table.ForeignKey(
                        name: "FK_campaign_messages_campaign_members_campaign_id_account_id",
                        columns: x => new { x.campaign_id, x.account_id },
                        principalTable: "campaign_members",
                        principalColumns: new[] { "campaign_id", "account_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "campaign_outcomes",
                columns: table => new
                {
                    campaign_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<string>(type: "text", nullable: false),
                    measured_as_of = table.Column<DateOnly>(type: "date", nullable: false),
                    first_response_on = table.Column<DateOnly>(type: "date", nullable: true),
                    first_order_on = table.Column<DateOnly>(type: "date", nullable: true),
                    orders = table.Column<int>(type: "integer", nullable: false),
                    revenue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_outcomes", x => new { x.campaign_id, x.account_id });
                    table.ForeignKey(
                        name: "FK_campaign_outcomes_campaign_members_campaign_id_account_id",
                        columns: x => new { x.campaign_id, x.account_id },
                        principalTable: "campaign_members",
                        principalColumns: new[] { "campaign_id", "account_id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_campaign_members_account_id",
                table: "campaign_members",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "IX_campaigns_name",
                table: "campaigns",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "campaign_messages");

            migrationBuilder.DropTable(
                name: "campaign_outcomes");

            migrationBuilder.DropTable(
                name: "campaign_members");

            migrationBuilder.DropTable(
                name: "campaigns");
        }
    }
}
