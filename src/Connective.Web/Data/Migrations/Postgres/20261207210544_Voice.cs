using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Voice : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PbProcesses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    BudgetPence = table.Column<long>(type: "bigint", nullable: false),
                    Format = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    MaxChoices = table.Column<int>(type: "integer", nullable: true),
                    Rule = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    IdeasOpenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VotingOpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    VotingClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbProcesses", x => x.Id);
                    table.CheckConstraint("CK_PbProcesses_budget", "\"BudgetPence\" > 0");
                    table.CheckConstraint("CK_PbProcesses_phases", "\"IdeasOpenAt\" <= \"VotingOpensAt\" AND \"VotingOpensAt\" < \"VotingClosesAt\"");
                    table.ForeignKey(
                        name: "FK_PbProcesses_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PbBallots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Choices = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReceiptHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CastOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PbBallots_PbProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "PbProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PbParticipations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbParticipations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PbParticipations_PbProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "PbProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PbParticipations_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PbProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProcessId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CostPence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PbProjects", x => x.Id);
                    table.CheckConstraint("CK_PbProjects_cost", "\"CostPence\" > 0");
                    table.ForeignKey(
                        name: "FK_PbProjects_PbProcesses_ProcessId",
                        column: x => x.ProcessId,
                        principalTable: "PbProcesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PbBallots_ProcessId_Id",
                table: "PbBallots",
                columns: new[] { "ProcessId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_PbBallots_ProcessId_ReceiptHash",
                table: "PbBallots",
                columns: new[] { "ProcessId", "ReceiptHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PbParticipations_ProcessId_ResidentId",
                table: "PbParticipations",
                columns: new[] { "ProcessId", "ResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PbParticipations_ResidentId",
                table: "PbParticipations",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PbProcesses_VotingClosesAt",
                table: "PbProcesses",
                column: "VotingClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_PbProcesses_WardId",
                table: "PbProcesses",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_PbProjects_ProcessId",
                table: "PbProjects",
                column: "ProcessId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PbBallots");

            migrationBuilder.DropTable(
                name: "PbParticipations");

            migrationBuilder.DropTable(
                name: "PbProjects");

            migrationBuilder.DropTable(
                name: "PbProcesses");
        }
    }
}
