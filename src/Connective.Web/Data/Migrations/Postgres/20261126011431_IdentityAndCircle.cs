using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Connective.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IdentityAndCircle : Migration
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

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "AspNetUserTokens",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserTokens",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "ProviderKey",
                table: "AspNetUserLogins",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserLogins",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.CreateTable(
                name: "AspNetUserPasskeys",
                columns: table => new
                {
                    CredentialId = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserPasskeys", x => x.CredentialId);
                    table.ForeignKey(
                        name: "FK_AspNetUserPasskeys_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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

            migrationBuilder.CreateTable(
                name: "CircleTaskTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequiredCheck = table.Column<int>(type: "integer", nullable: false),
                    RequiredTraining = table.Column<int>(type: "integer", nullable: false),
                    FirstVisitInPairs = table.Column<bool>(type: "boolean", nullable: false),
                    NeedsCheckIn = table.Column<bool>(type: "boolean", nullable: false),
                    HandlesMoney = table.Column<bool>(type: "boolean", nullable: false),
                    ExpectedMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircleTaskTypes", x => x.Id);
                });

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
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelperProfiles",
                columns: table => new
                {
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    Skills = table.Column<long>(type: "bigint", nullable: false),
                    AvailableDays = table.Column<int>(type: "integer", nullable: false),
                    AvailableFromHour = table.Column<int>(type: "integer", nullable: false),
                    AvailableToHour = table.Column<int>(type: "integer", nullable: false),
                    MaxDistanceKm = table.Column<double>(type: "double precision", nullable: false),
                    MaxTasks = table.Column<int>(type: "integer", nullable: false),
                    ActiveTasks = table.Column<int>(type: "integer", nullable: false),
                    Training = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    SuspendedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SuspensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    OffersReceived = table.Column<int>(type: "integer", nullable: false),
                    OffersAnswered = table.Column<int>(type: "integer", nullable: false),
                    TasksAccepted = table.Column<int>(type: "integer", nullable: false),
                    TasksCompleted = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "RoleAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Role = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    GrantedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoleAssignments_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "HelpRequests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequesterResidentId = table.Column<int>(type: "integer", nullable: false),
                    TaskTypeId = table.Column<int>(type: "integer", nullable: false),
                    Details = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    PreferredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WardId = table.Column<int>(type: "integer", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    Urgency = table.Column<int>(type: "integer", nullable: false),
                    DeadlineAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByAccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByPhone = table.Column<bool>(type: "boolean", nullable: false),
                    PlacesNeeded = table.Column<int>(type: "integer", nullable: false),
                    PlacesTaken = table.Column<int>(type: "integer", nullable: false),
                    WaveNumber = table.Column<int>(type: "integer", nullable: false),
                    NextActionAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
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
                name: "VettingRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HelperResidentId = table.Column<int>(type: "integer", nullable: false),
                    Scheme = table.Column<int>(type: "integer", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BarredListChecked = table.Column<bool>(type: "boolean", nullable: false),
                    UpdateServiceSubscribed = table.Column<bool>(type: "boolean", nullable: false),
                    LastStatusCheckOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecheckDueOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByAccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "CoordinatorTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RequestId = table.Column<long>(type: "bigint", nullable: true),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    HelperResidentId = table.Column<int>(type: "integer", nullable: true),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ResolvedByAccountId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    HelperResidentId = table.Column<int>(type: "integer", nullable: false),
                    Wave = table.Column<int>(type: "integer", nullable: false),
                    OfferedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Response = table.Column<int>(type: "integer", nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NetworkDistance = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CheckedInAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckOutDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CheckedOutAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    OverdueAlertedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    MoneyGivenPence = table.Column<long>(type: "bigint", nullable: true),
                    MoneySpentPence = table.Column<long>(type: "bigint", nullable: true),
                    ReceiptKept = table.Column<bool>(type: "boolean", nullable: true),
                    ChangeReturnedPence = table.Column<long>(type: "bigint", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<long>(type: "bigint", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ByPhone = table.Column<bool>(type: "boolean", nullable: false)
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

            migrationBuilder.InsertData(
                table: "CreditAccounts",
                columns: new[] { "Id", "BalanceMinutes", "FloorMinutes", "Kind", "OpenedAt", "ResidentId" },
                values: new object[] { 0, 0L, 0L, 1, new DateTime(2026, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), null });

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

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserPasskeys_UserId",
                table: "AspNetUserPasskeys",
                column: "UserId");

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
                name: "IX_RequesterUpdates_RequestId_At",
                table: "RequesterUpdates",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_UserId_Role_WardId",
                table: "RoleAssignments",
                columns: new[] { "UserId", "Role", "WardId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoleAssignments_WardId",
                table: "RoleAssignments",
                column: "WardId");

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
                name: "AspNetUserPasskeys");

            migrationBuilder.DropTable(
                name: "AuditEnquiries");

            migrationBuilder.DropTable(
                name: "CoordinatorTasks");

            migrationBuilder.DropTable(
                name: "CreditEntries");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "HelpOffers");

            migrationBuilder.DropTable(
                name: "MeetupAttendances");

            migrationBuilder.DropTable(
                name: "MeetupRsvps");

            migrationBuilder.DropTable(
                name: "RequesterUpdates");

            migrationBuilder.DropTable(
                name: "RoleAssignments");

            migrationBuilder.DropTable(
                name: "SafeguardingNotes");

            migrationBuilder.DropTable(
                name: "SafeguardingReferrals");

            migrationBuilder.DropTable(
                name: "ThanksMessages");

            migrationBuilder.DropTable(
                name: "VettingRecords");

            migrationBuilder.DropTable(
                name: "CreditTransfers");

            migrationBuilder.DropTable(
                name: "Meetups");

            migrationBuilder.DropTable(
                name: "HelpRequests");

            migrationBuilder.DropTable(
                name: "SafeguardingConcerns");

            migrationBuilder.DropTable(
                name: "HelperProfiles");

            migrationBuilder.DropTable(
                name: "CreditAccounts");

            migrationBuilder.DropTable(
                name: "CreditPostings");

            migrationBuilder.DropTable(
                name: "CircleTaskTypes");

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

            migrationBuilder.AlterColumn<string>(
                name: "PhoneNumber",
                table: "AspNetUsers",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "AspNetUserTokens",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserTokens",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "ProviderKey",
                table: "AspNetUserLogins",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);

            migrationBuilder.AlterColumn<string>(
                name: "LoginProvider",
                table: "AspNetUserLogins",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128);
        }
    }
}
