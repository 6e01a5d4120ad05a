using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListKeys : Migration
    {
        /// <summary>
        /// The account list's sorts and filters as indexes (see SnapshotQueries.Accounts): each account's name key
        /// (Account.KeyOf) with the account id, the tie-break; each snapshot's rows by status, then account id; and by key
        /// flag, status and account id, so the key filter is counted from an index, not by reading every row.
        /// Existing accounts get their keys here from upper(); WorkspaceLocation.Open then sets any key .NET's invariant
        /// upper-casing gives differently. Indexes are written as SQL, as in ListIndexes.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_key",
                table: "accounts",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("UPDATE accounts SET name_key = upper(name);");
            migrationBuilder.Sql("CREATE INDEX ix_accounts_name_key ON accounts (name_key, account_id);");
            migrationBuilder.Sql("CREATE INDEX ix_snapshot_accounts_status ON snapshot_accounts (snapshot_id, status, account_id);");
            migrationBuilder.Sql("CREATE INDEX ix_snapshot_accounts_key ON snapshot_accounts (snapshot_id, \"key\", status, account_id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_snapshot_accounts_key;");
            migrationBuilder.Sql("DROP INDEX ix_snapshot_accounts_status;");
            migrationBuilder.Sql("DROP INDEX ix_accounts_name_key;");
            migrationBuilder.DropColumn(
                name: "name_key",
                table: "accounts");
        }
    }
}
