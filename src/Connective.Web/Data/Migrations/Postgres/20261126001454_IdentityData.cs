using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentityData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "OutboxMessages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "RecipientErased",
                table: "OutboxMessages",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "RecipientResidentId",
                table: "OutboxMessages",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Basis",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "EnquiryId",
                table: "AuditEntries",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OnBehalfOfResidentId",
                table: "AuditEntries",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectAccountId",
                table: "AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEnquiries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Basis = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEnquiries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_RecipientResidentId",
                table: "OutboxMessages",
                column: "RecipientResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EnquiryId",
                table: "AuditEntries",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OnBehalfOfResidentId",
                table: "AuditEntries",
                column: "OnBehalfOfResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEnquiries");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_RecipientResidentId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EnquiryId",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_OnBehalfOfResidentId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "RecipientErased",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "RecipientResidentId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "Basis",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "EnquiryId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "OnBehalfOfResidentId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "SubjectAccountId",
                table: "AuditEntries");
        }
    }
}
