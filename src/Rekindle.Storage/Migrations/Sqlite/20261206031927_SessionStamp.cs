using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Rekindle.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionStamp : Migration
    {
        /// <summary>
        /// Each user's security stamp, which their session cookies carry (sign-out, disabling and a new password change
        /// it). Existing users get a random one, so their sessions begun before the stamp existed end.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "security_stamp",
                table: "web_users",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("UPDATE web_users SET security_stamp = lower(hex(randomblob(16)));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "security_stamp",
                table: "web_users");
        }
    }
}
