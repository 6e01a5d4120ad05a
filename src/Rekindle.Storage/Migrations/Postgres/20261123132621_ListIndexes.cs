using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <summary>
        /// The account list's sort orders as indexes (see SnapshotQueries.Accounts): by revenue, by status then revenue,
        /// and by days since the last order with no order last (the same COALESCE the query sorts by); each ends on the
        /// account id in byte order (COLLATE "C"), the tie-break the query uses. Written as SQL: EF's model cannot say an expression
        /// or a per-column collation in an index.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_snapshot_accounts_revenue ON snapshot_accounts (snapshot_id, revenue12m, account_id COLLATE \"C\");");
            migrationBuilder.Sql("CREATE INDEX ix_snapshot_accounts_status_revenue ON snapshot_accounts (snapshot_id, status, revenue12m, account_id COLLATE \"C\");");
            migrationBuilder.Sql("CREATE INDEX ix_snapshot_accounts_days ON snapshot_accounts (snapshot_id, (COALESCE(days_since_last_order, 2147483647)), account_id COLLATE \"C\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_snapshot_accounts_days;");
            migrationBuilder.Sql("DROP INDEX ix_snapshot_accounts_status_revenue;");
            migrationBuilder.Sql("DROP INDEX ix_snapshot_accounts_revenue;");
        }
    }
}
