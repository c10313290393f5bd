using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connective.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlatformFollowups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SubjectResidentId",
                table: "AuditEnquiries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEnquiries_SubjectResidentId",
                table: "AuditEnquiries",
                column: "SubjectResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AuditEnquiries_SubjectResidentId",
                table: "AuditEnquiries");

            migrationBuilder.DropColumn(
                name: "SubjectResidentId",
                table: "AuditEnquiries");
        }
    }
}
