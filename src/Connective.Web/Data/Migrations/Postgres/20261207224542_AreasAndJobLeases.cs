using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Connective.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AreasAndJobLeases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DirectoryOrganizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlternateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryOrganizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryTaxonomies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Uri = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryTaxonomies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InsightLifeEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResidentId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByAccountId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InsightLifeEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InsightLifeEvents_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeasedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSucceededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    NextRunAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Runs = table.Column<long>(type: "bigint", nullable: false),
                    Failures = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

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
                name: "DirectoryLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    LocationType = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Address1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    City = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    WardId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryLocations_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectoryLocations_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AlternateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EligibilityDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true),
                    FeesDescription = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ApplicationProcess = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    LastModified = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryServices_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectoryServices_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryTaxonomyTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonomyId = table.Column<Guid>(type: "uuid", nullable: true),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryTaxonomyTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryTaxonomyTerms_DirectoryTaxonomies_TaxonomyId",
                        column: x => x.TaxonomyId,
                        principalTable: "DirectoryTaxonomies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DirectoryTaxonomyTerms_DirectoryTaxonomyTerms_ParentId",
                        column: x => x.ParentId,
                        principalTable: "DirectoryTaxonomyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "DirectoryChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryChanges_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryContacts_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryContacts_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryCorrections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Field = table.Column<int>(type: "integer", nullable: false),
                    ProposedValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SuggestedByResidentId = table.Column<int>(type: "integer", nullable: true),
                    SuggestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ModeratorReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryCorrections_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryCorrections_Residents_SuggestedByResidentId",
                        column: x => x.SuggestedByResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServiceAtLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    LocationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServiceAtLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryServiceAtLocations_DirectoryLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "DirectoryLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryServiceAtLocations_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pilots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hypothesis = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BudgetPence = table.Column<long>(type: "bigint", nullable: false),
                    StartsOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewOn = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<int>(type: "integer", nullable: false),
                    DecisionReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pilots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pilots_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ProblemReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    WardId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    ReportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RespondBy = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Response = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemReports_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemReports_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ProblemReports_Wards_WardId",
                        column: x => x.WardId,
                        principalTable: "Wards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceFeedback",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ResidentId = table.Column<int>(type: "integer", nullable: true),
                    NameSharedWithManager = table.Column<bool>(type: "boolean", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReplyDueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceFeedback_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceFeedback_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryServiceTerms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    TaxonomyTermId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryServiceTerms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryServiceTerms_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryServiceTerms_DirectoryTaxonomyTerms_TaxonomyTermId",
                        column: x => x.TaxonomyTermId,
                        principalTable: "DirectoryTaxonomyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DirectoryPhones",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    ContactId = table.Column<Guid>(type: "uuid", nullable: true),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectoryPhones", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectoryPhones_DirectoryContacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "DirectoryContacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryPhones_DirectoryOrganizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "DirectoryOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectoryPhones_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DirectorySchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ServiceAtLocationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Freq = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    ByDay = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    OpensAt = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    ClosesAt = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorySchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectorySchedules_DirectoryServiceAtLocations_ServiceAtLoc~",
                        column: x => x.ServiceAtLocationId,
                        principalTable: "DirectoryServiceAtLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectorySchedules_DirectoryServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "DirectoryServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PilotMeasures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PilotId = table.Column<long>(type: "bigint", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Target = table.Column<double>(type: "double precision", nullable: false),
                    Result = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PilotMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PilotMeasures_Pilots_PilotId",
                        column: x => x.PilotId,
                        principalTable: "Pilots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_DirectoryChanges_ServiceId_At",
                table: "DirectoryChanges",
                columns: new[] { "ServiceId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryContacts_OrganizationId",
                table: "DirectoryContacts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryContacts_ServiceId",
                table: "DirectoryContacts",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryCorrections_ServiceId",
                table: "DirectoryCorrections",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryCorrections_Status",
                table: "DirectoryCorrections",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryCorrections_SuggestedByResidentId",
                table: "DirectoryCorrections",
                column: "SuggestedByResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLocations_OrganizationId",
                table: "DirectoryLocations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryLocations_WardId",
                table: "DirectoryLocations",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPhones_ContactId",
                table: "DirectoryPhones",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPhones_OrganizationId",
                table: "DirectoryPhones",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryPhones_ServiceId",
                table: "DirectoryPhones",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorySchedules_ServiceAtLocationId",
                table: "DirectorySchedules",
                column: "ServiceAtLocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorySchedules_ServiceId",
                table: "DirectorySchedules",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceAtLocations_LocationId",
                table: "DirectoryServiceAtLocations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceAtLocations_ServiceId",
                table: "DirectoryServiceAtLocations",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceTerms_ServiceId_TaxonomyTermId",
                table: "DirectoryServiceTerms",
                columns: new[] { "ServiceId", "TaxonomyTermId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServiceTerms_TaxonomyTermId",
                table: "DirectoryServiceTerms",
                column: "TaxonomyTermId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServices_OrganizationId",
                table: "DirectoryServices",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryServices_WardId",
                table: "DirectoryServices",
                column: "WardId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryTaxonomyTerms_ParentId",
                table: "DirectoryTaxonomyTerms",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectoryTaxonomyTerms_TaxonomyId",
                table: "DirectoryTaxonomyTerms",
                column: "TaxonomyId");

            migrationBuilder.CreateIndex(
                name: "IX_InsightLifeEvents_Kind_OccurredAt",
                table: "InsightLifeEvents",
                columns: new[] { "Kind", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InsightLifeEvents_ResidentId",
                table: "InsightLifeEvents",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataUploads_DatasetId_UploadedAt",
                table: "OpenDataUploads",
                columns: new[] { "DatasetId", "UploadedAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_PilotMeasures_PilotId",
                table: "PilotMeasures",
                column: "PilotId");

            migrationBuilder.CreateIndex(
                name: "IX_Pilots_ServiceId",
                table: "Pilots",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemReports_ResidentId",
                table: "ProblemReports",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemReports_ServiceId_ReportedAt",
                table: "ProblemReports",
                columns: new[] { "ServiceId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemReports_WardId",
                table: "ProblemReports",
                column: "WardId");

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
                name: "IX_ServiceFeedback_ResidentId",
                table: "ServiceFeedback",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceFeedback_ServiceId_At",
                table: "ServiceFeedback",
                columns: new[] { "ServiceId", "At" });

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
                name: "DirectoryChanges");

            migrationBuilder.DropTable(
                name: "DirectoryCorrections");

            migrationBuilder.DropTable(
                name: "DirectoryPhones");

            migrationBuilder.DropTable(
                name: "DirectorySchedules");

            migrationBuilder.DropTable(
                name: "DirectoryServiceTerms");

            migrationBuilder.DropTable(
                name: "InsightLifeEvents");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "PbBallots");

            migrationBuilder.DropTable(
                name: "PbParticipations");

            migrationBuilder.DropTable(
                name: "PbProjects");

            migrationBuilder.DropTable(
                name: "PilotMeasures");

            migrationBuilder.DropTable(
                name: "ProblemReports");

            migrationBuilder.DropTable(
                name: "PublicContracts");

            migrationBuilder.DropTable(
                name: "ServiceFeedback");

            migrationBuilder.DropTable(
                name: "SpendingPayments");

            migrationBuilder.DropTable(
                name: "DirectoryContacts");

            migrationBuilder.DropTable(
                name: "DirectoryServiceAtLocations");

            migrationBuilder.DropTable(
                name: "DirectoryTaxonomyTerms");

            migrationBuilder.DropTable(
                name: "PbProcesses");

            migrationBuilder.DropTable(
                name: "Pilots");

            migrationBuilder.DropTable(
                name: "OpenDataUploads");

            migrationBuilder.DropTable(
                name: "DirectoryLocations");

            migrationBuilder.DropTable(
                name: "DirectoryTaxonomies");

            migrationBuilder.DropTable(
                name: "DirectoryServices");

            migrationBuilder.DropTable(
                name: "DirectoryOrganizations");
        }
    }
}
