using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EnquiriesAndCircleCoordination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CancelledAt",
                table: "Meetups",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBecause",
                table: "Meetups",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubjectResidentId",
                table: "AuditEnquiries",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CircleKeptRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    KeptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HelperResidentId = table.Column<int>(type: "integer", nullable: true),
                    RequesterResidentId = table.Column<int>(type: "integer", nullable: true),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    OfferId = table.Column<long>(type: "bigint", nullable: true),
                    Scheme = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IssuedOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    BarredListChecked = table.Column<bool>(type: "boolean", nullable: true),
                    UpdateServiceSubscribed = table.Column<bool>(type: "boolean", nullable: true),
                    LastStatusCheckOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedByAccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MoneyGivenPence = table.Column<long>(type: "bigint", nullable: true),
                    MoneySpentPence = table.Column<long>(type: "bigint", nullable: true),
                    ChangeReturnedPence = table.Column<long>(type: "bigint", nullable: true),
                    ReceiptKept = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleKeptRecords", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEnquiries_SubjectResidentId",
                table: "AuditEnquiries",
                column: "SubjectResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CircleKeptRecords_HelperResidentId",
                table: "CircleKeptRecords",
                column: "HelperResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CircleKeptRecords_OfferId",
                table: "CircleKeptRecords",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_CircleKeptRecords_RequesterResidentId",
                table: "CircleKeptRecords",
                column: "RequesterResidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CircleKeptRecords");

            migrationBuilder.DropIndex(
                name: "IX_AuditEnquiries_SubjectResidentId",
                table: "AuditEnquiries");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Meetups");

            migrationBuilder.DropColumn(
                name: "CancelledBecause",
                table: "Meetups");

            migrationBuilder.DropColumn(
                name: "SubjectResidentId",
                table: "AuditEnquiries");
        }
    }
}
