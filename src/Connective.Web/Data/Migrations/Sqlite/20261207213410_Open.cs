using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connective.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Open : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenDataUploads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DatasetId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedByRole = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UploadId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecipientCharityNumber = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Programme = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityGrants_OpenDataUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "OpenDataUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicContracts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UploadId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ValuePence = table.Column<long>(type: "INTEGER", nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicContracts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicContracts_OpenDataUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "OpenDataUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpendingPayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UploadId = table.Column<long>(type: "INTEGER", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Supplier = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountPence = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpendingPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpendingPayments_OpenDataUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "OpenDataUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityGrants_Reference",
                table: "CommunityGrants",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityGrants_UploadId",
                table: "CommunityGrants",
                column: "UploadId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataUploads_DatasetId_UploadedAt",
                table: "OpenDataUploads",
                columns: new[] { "DatasetId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicContracts_Reference",
                table: "PublicContracts",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicContracts_UploadId",
                table: "PublicContracts",
                column: "UploadId");

            migrationBuilder.CreateIndex(
                name: "IX_SpendingPayments_UploadId",
                table: "SpendingPayments",
                column: "UploadId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityGrants");

            migrationBuilder.DropTable(
                name: "PublicContracts");

            migrationBuilder.DropTable(
                name: "SpendingPayments");

            migrationBuilder.DropTable(
                name: "OpenDataUploads");
        }
    }
}
