using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedByRole = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UploadId = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecipientName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RecipientCharityNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Programme = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UploadId = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Supplier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ValuePence = table.Column<long>(type: "bigint", nullable: false),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UploadId = table.Column<long>(type: "bigint", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Supplier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountPence = table.Column<long>(type: "bigint", nullable: false)
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
