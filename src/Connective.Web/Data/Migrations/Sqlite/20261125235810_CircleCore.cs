using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Connective.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CircleCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CircleTaskTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RequiredCheck = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredTraining = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstVisitInPairs = table.Column<bool>(type: "INTEGER", nullable: false),
                    NeedsCheckIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    HandlesMoney = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExpectedMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleTaskTypes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelperProfiles",
                columns: table => new
                {
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Skills = table.Column<long>(type: "INTEGER", nullable: false),
                    AvailableDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableFromHour = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableToHour = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxDistanceKm = table.Column<double>(type: "REAL", nullable: false),
                    MaxTasks = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveTasks = table.Column<int>(type: "INTEGER", nullable: false),
                    Training = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SuspendedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SuspensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    OffersReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    OffersAnswered = table.Column<int>(type: "INTEGER", nullable: false),
                    TasksAccepted = table.Column<int>(type: "INTEGER", nullable: false),
                    TasksCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelperProfiles", x => x.ResidentId);
                    table.CheckConstraint("CK_HelperProfiles_ActiveTasks_within_cap", "\"ActiveTasks\" >= 0 AND \"ActiveTasks\" <= \"MaxTasks\"");
                    table.ForeignKey(
                        name: "FK_HelperProfiles_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HelpRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequesterResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaskTypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PreferredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    WardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    Urgency = table.Column<int>(type: "INTEGER", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ByPhone = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlacesNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacesTaken = table.Column<int>(type: "INTEGER", nullable: false),
                    WaveNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    NextActionAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpRequests", x => x.Id);
                    table.CheckConstraint("CK_HelpRequests_PlacesTaken_within_PlacesNeeded", "\"PlacesTaken\" >= 0 AND \"PlacesTaken\" <= \"PlacesNeeded\"");
                    table.ForeignKey(
                        name: "FK_HelpRequests_CircleTaskTypes_TaskTypeId",
                        column: x => x.TaskTypeId,
                        principalTable: "CircleTaskTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HelpRequests_Residents_RequesterResidentId",
                        column: x => x.RequesterResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpRequests_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VettingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HelperResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Scheme = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BarredListChecked = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdateServiceSubscribed = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastStatusCheckOn = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecheckDueOn = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VettingRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VettingRecords_HelperProfiles_HelperResidentId",
                        column: x => x.HelperResidentId,
                        principalTable: "HelperProfiles",
                        principalColumn: "ResidentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CoordinatorTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: true),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    HelperResidentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedByAccountId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatorTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoordinatorTasks_HelpRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HelpOffers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    HelperResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Wave = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Response = table.Column<int>(type: "INTEGER", nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NetworkDistance = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckOutDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OverdueAlertedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    MoneyGivenPence = table.Column<long>(type: "INTEGER", nullable: true),
                    MoneySpentPence = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceiptKept = table.Column<bool>(type: "INTEGER", nullable: true),
                    ChangeReturnedPence = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpOffers_HelpRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpOffers_HelperProfiles_HelperResidentId",
                        column: x => x.HelperResidentId,
                        principalTable: "HelperProfiles",
                        principalColumn: "ResidentId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequesterUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<long>(type: "INTEGER", nullable: false),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ByPhone = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequesterUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequesterUpdates_HelpRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "HelpRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "CircleTaskTypes",
                columns: new[] { "Id", "Code", "Description", "ExpectedMinutes", "FirstVisitInPairs", "HandlesMoney", "Name", "NeedsCheckIn", "RequiredCheck", "RequiredTraining" },
                values: new object[,]
                {
                    { 1, "shopping", "Buying and bringing home shopping for someone who cannot do it themselves.", 90, false, true, "Shopping", true, 4, 5 },
                    { 2, "lift", "A lift to an appointment (GP, hospital, pharmacy) and back.", 120, false, false, "A lift", true, 4, 1 },
                    { 3, "small-jobs", "A light bulb, a smoke alarm battery, a stiff lock: small jobs in someone's home.", 60, true, false, "Small jobs at home", true, 3, 3 },
                    { 4, "digital-help", "Help with a phone, tablet, e-mail or an online form.", 60, false, false, "Digital help", true, 1, 2 },
                    { 5, "befriending", "A regular visit for a cup of tea and a chat.", 60, true, false, "Befriending visit", true, 3, 3 },
                    { 6, "gardening", "Mowing, weeding and tidying a garden the owner can no longer manage.", 120, false, false, "Gardening", true, 1, 2 },
                    { 7, "meetup-company", "Going along with someone to a group meetup in a public place.", 120, false, false, "Company at a group meetup", false, 0, 0 },
                    { 8, "handling-money", "Paying a bill or collecting cash for someone who cannot do it themselves.", 60, false, true, "Paying bills or handling money", true, 4, 5 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_CircleTaskTypes_Code",
                table: "CircleTaskTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorTasks_RequestId_Kind",
                table: "CoordinatorTasks",
                columns: new[] { "RequestId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorTasks_ResolvedAt_CreatedAt",
                table: "CoordinatorTasks",
                columns: new[] { "ResolvedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpOffers_HelperResidentId_OfferedAt",
                table: "HelpOffers",
                columns: new[] { "HelperResidentId", "OfferedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpOffers_RequestId_HelperResidentId",
                table: "HelpOffers",
                columns: new[] { "RequestId", "HelperResidentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpOffers_Response_CheckOutDueAt",
                table: "HelpOffers",
                columns: new[] { "Response", "CheckOutDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_RequesterResidentId_CreatedAt",
                table: "HelpRequests",
                columns: new[] { "RequesterResidentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_Status_NextActionAt",
                table: "HelpRequests",
                columns: new[] { "Status", "NextActionAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_TaskTypeId",
                table: "HelpRequests",
                column: "TaskTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpRequests_WardId",
                table: "HelpRequests",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_HelperProfiles_Status_Latitude",
                table: "HelperProfiles",
                columns: new[] { "Status", "Latitude" });

            migrationBuilder.CreateIndex(
                name: "IX_RequesterUpdates_RequestId_At",
                table: "RequesterUpdates",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_VettingRecords_HelperResidentId",
                table: "VettingRecords",
                column: "HelperResidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VettingRecords_RecheckDueOn",
                table: "VettingRecords",
                column: "RecheckDueOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CoordinatorTasks");

            migrationBuilder.DropTable(
                name: "HelpOffers");

            migrationBuilder.DropTable(
                name: "RequesterUpdates");

            migrationBuilder.DropTable(
                name: "VettingRecords");

            migrationBuilder.DropTable(
                name: "HelpRequests");

            migrationBuilder.DropTable(
                name: "HelperProfiles");

            migrationBuilder.DropTable(
                name: "CircleTaskTypes");
        }
    }
}
