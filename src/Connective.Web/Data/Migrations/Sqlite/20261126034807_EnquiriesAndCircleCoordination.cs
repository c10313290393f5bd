using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connective.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBecause",
                table: "Meetups",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SubjectResidentId",
                table: "AuditEnquiries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CircleKeptRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    KeptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HelperResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequesterResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    OfferId = table.Column<long>(type: "INTEGER", nullable: true),
                    Scheme = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    IssuedOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BarredListChecked = table.Column<bool>(type: "INTEGER", nullable: true),
                    UpdateServiceSubscribed = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastStatusCheckOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedByAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MoneyGivenPence = table.Column<long>(type: "INTEGER", nullable: true),
                    MoneySpentPence = table.Column<long>(type: "INTEGER", nullable: true),
                    ChangeReturnedPence = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptKept = table.Column<bool>(type: "INTEGER", nullable: true)
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
