using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CircleCommunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreditAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    BalanceMinutes = table.Column<long>(type: "bigint", nullable: false),
                    FloorMinutes = table.Column<long>(type: "bigint", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditAccounts", x => x.Id);
                    table.CheckConstraint("CK_CreditAccounts_not_below_floor", "\"BalanceMinutes\" >= \"FloorMinutes\"");
                    table.ForeignKey(
                        name: "FK_CreditAccounts_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CreditPostings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IdempotencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    GiverResidentId = table.Column<int>(type: "integer", nullable: true),
                    RecipientResidentId = table.Column<int>(type: "integer", nullable: true),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    UncoveredMinutes = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditPostings", x => x.Id);
                    table.CheckConstraint("CK_CreditPostings_positive", "\"Minutes\" > 0 AND \"UncoveredMinutes\" >= 0");
                    table.ForeignKey(
                        name: "FK_CreditPostings_Residents_GiverResidentId",
                        column: x => x.GiverResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_CreditPostings_Residents_RecipientResidentId",
                        column: x => x.RecipientResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Meetups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CircleId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    TakenPlaces = table.Column<int>(type: "integer", nullable: false),
                    AccessibilityNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OrganiserResidentId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AttendanceRecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetups", x => x.Id);
                    table.CheckConstraint("CK_Meetups_ends_after_start", "\"EndsAt\" > \"StartsAt\"");
                    table.CheckConstraint("CK_Meetups_places", "\"TakenPlaces\" >= 0 AND \"TakenPlaces\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_Meetups_Circles_CircleId",
                        column: x => x.CircleId,
                        principalTable: "Circles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Meetups_Residents_OrganiserResidentId",
                        column: x => x.OrganiserResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingConcerns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RaisedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AboutResidentId = table.Column<int>(type: "integer", nullable: true),
                    AboutTaskId = table.Column<long>(type: "bigint", nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingConcerns", x => x.Id);
                    table.CheckConstraint("CK_SafeguardingConcerns_about_someone", "\"AboutResidentId\" IS NOT NULL OR \"AboutTaskId\" IS NOT NULL");
                });

            migrationBuilder.CreateTable(
                name: "ThanksMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FromResidentId = table.Column<int>(type: "integer", nullable: false),
                    ToResidentId = table.Column<int>(type: "integer", nullable: false),
                    TaskId = table.Column<long>(type: "bigint", nullable: true),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThanksMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThanksMessages_Residents_FromResidentId",
                        column: x => x.FromResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ThanksMessages_Residents_ToResidentId",
                        column: x => x.ToResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CreditTransfers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostingId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FromAccountId = table.Column<int>(type: "integer", nullable: false),
                    ToAccountId = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditTransfers", x => x.Id);
                    table.CheckConstraint("CK_CreditTransfers_positive", "\"Minutes\" > 0");
                    table.CheckConstraint("CK_CreditTransfers_two_accounts", "\"FromAccountId\" <> \"ToAccountId\"");
                    table.ForeignKey(
                        name: "FK_CreditTransfers_CreditAccounts_FromAccountId",
                        column: x => x.FromAccountId,
                        principalTable: "CreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditTransfers_CreditAccounts_ToAccountId",
                        column: x => x.ToAccountId,
                        principalTable: "CreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditTransfers_CreditPostings_PostingId",
                        column: x => x.PostingId,
                        principalTable: "CreditPostings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetupAttendances",
                columns: table => new
                {
                    MeetupId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetupAttendances", x => new { x.MeetupId, x.ResidentId });
                    table.ForeignKey(
                        name: "FK_MeetupAttendances_Meetups_MeetupId",
                        column: x => x.MeetupId,
                        principalTable: "Meetups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetupAttendances_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetupRsvps",
                columns: table => new
                {
                    MeetupId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetupRsvps", x => new { x.MeetupId, x.ResidentId });
                    table.ForeignKey(
                        name: "FK_MeetupRsvps_Meetups_MeetupId",
                        column: x => x.MeetupId,
                        principalTable: "Meetups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetupRsvps_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingNotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConcernId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingNotes_SafeguardingConcerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "SafeguardingConcerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SafeguardingReferrals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConcernId = table.Column<long>(type: "bigint", nullable: false),
                    Agency = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReferredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RemovedHelperResidentId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafeguardingReferrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SafeguardingReferrals_SafeguardingConcerns_ConcernId",
                        column: x => x.ConcernId,
                        principalTable: "SafeguardingConcerns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TransferId = table.Column<long>(type: "bigint", nullable: false),
                    AccountId = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditEntries", x => x.Id);
                    table.CheckConstraint("CK_CreditEntries_nonzero", "\"Minutes\" <> 0");
                    table.ForeignKey(
                        name: "FK_CreditEntries_CreditAccounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "CreditAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditEntries_CreditTransfers_TransferId",
                        column: x => x.TransferId,
                        principalTable: "CreditTransfers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "CreditAccounts",
                columns: new[] { "Id", "BalanceMinutes", "FloorMinutes", "Kind", "OpenedAt", "ResidentId" },
                values: new object[] { 0, 0L, 0L, 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null });

            migrationBuilder.CreateIndex(
                name: "IX_CreditAccounts_ResidentId",
                table: "CreditAccounts",
                column: "ResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditEntries_AccountId_At",
                table: "CreditEntries",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditEntries_TransferId",
                table: "CreditEntries",
                column: "TransferId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditPostings_GiverResidentId_At",
                table: "CreditPostings",
                columns: new[] { "GiverResidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditPostings_IdempotencyKey",
                table: "CreditPostings",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditPostings_RecipientResidentId_At",
                table: "CreditPostings",
                columns: new[] { "RecipientResidentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditTransfers_FromAccountId",
                table: "CreditTransfers",
                column: "FromAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditTransfers_PostingId",
                table: "CreditTransfers",
                column: "PostingId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditTransfers_ToAccountId",
                table: "CreditTransfers",
                column: "ToAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetupAttendances_ResidentId",
                table: "MeetupAttendances",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetupRsvps_ResidentId",
                table: "MeetupRsvps",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetups_CircleId_StartsAt",
                table: "Meetups",
                columns: new[] { "CircleId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetups_OrganiserResidentId",
                table: "Meetups",
                column: "OrganiserResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetups_StartsAt",
                table: "Meetups",
                column: "StartsAt");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingConcerns_AboutResidentId",
                table: "SafeguardingConcerns",
                column: "AboutResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingConcerns_Status_RaisedAt",
                table: "SafeguardingConcerns",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingNotes_ConcernId",
                table: "SafeguardingNotes",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingReferrals_ConcernId",
                table: "SafeguardingReferrals",
                column: "ConcernId");

            migrationBuilder.CreateIndex(
                name: "IX_SafeguardingReferrals_RemovedHelperResidentId",
                table: "SafeguardingReferrals",
                column: "RemovedHelperResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ThanksMessages_FromResidentId",
                table: "ThanksMessages",
                column: "FromResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ThanksMessages_ToResidentId_SentAt",
                table: "ThanksMessages",
                columns: new[] { "ToResidentId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditEntries");

            migrationBuilder.DropTable(
                name: "MeetupAttendances");

            migrationBuilder.DropTable(
                name: "MeetupRsvps");

            migrationBuilder.DropTable(
                name: "SafeguardingNotes");

            migrationBuilder.DropTable(
                name: "SafeguardingReferrals");

            migrationBuilder.DropTable(
                name: "ThanksMessages");

            migrationBuilder.DropTable(
                name: "CreditTransfers");

            migrationBuilder.DropTable(
                name: "Meetups");

            migrationBuilder.DropTable(
                name: "SafeguardingConcerns");

            migrationBuilder.DropTable(
                name: "CreditAccounts");

            migrationBuilder.DropTable(
                name: "CreditPostings");
        }
    }
}
