using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
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
                type: "integer",
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
