using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Screening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Clearances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EntryFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClearedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ClearedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Clearances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Clearances_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RescreenJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PartiesScreened = table.Column<int>(type: "integer", nullable: false),
                    NewHits = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RescreenJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RestrictedLists",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Authority = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RestrictedLists", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScreeningHits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EntryId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EntryName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EntryFingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ExplanationJson = table.Column<string>(type: "text", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastScreenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Current = table.Column<bool>(type: "boolean", nullable: false),
                    Review = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScreeningHits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScreeningHits_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FromVersion = table.Column<int>(type: "integer", nullable: false),
                    ToVersion = table.Column<int>(type: "integer", nullable: true),
                    Fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ChineseName = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Aliases = table.Column<string>(type: "text", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Listed = table.Column<DateOnly>(type: "date", nullable: true),
                    Removed = table.Column<DateOnly>(type: "date", nullable: true),
                    Measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SourceUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListEntries_RestrictedLists_ListId",
                        column: x => x.ListId,
                        principalTable: "RestrictedLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ListVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ListId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntryCount = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Removed = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ListVersions_RestrictedLists_ListId",
                        column: x => x.ListId,
                        principalTable: "RestrictedLists",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Clearances_PartyId_ListId_EntryId",
                table: "Clearances",
                columns: new[] { "PartyId", "ListId", "EntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ListEntries_ListId_EntryId_FromVersion",
                table: "ListEntries",
                columns: new[] { "ListId", "EntryId", "FromVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ListEntries_ListId_ToVersion",
                table: "ListEntries",
                columns: new[] { "ListId", "ToVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_ListVersions_ListId_Number",
                table: "ListVersions",
                columns: new[] { "ListId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RescreenJobs_Status",
                table: "RescreenJobs",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningHits_Current_Review",
                table: "ScreeningHits",
                columns: new[] { "Current", "Review" });

            migrationBuilder.CreateIndex(
                name: "IX_ScreeningHits_PartyId_ListId_EntryId",
                table: "ScreeningHits",
                columns: new[] { "PartyId", "ListId", "EntryId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Clearances");

            migrationBuilder.DropTable(
                name: "ListEntries");

            migrationBuilder.DropTable(
                name: "ListVersions");

            migrationBuilder.DropTable(
                name: "RescreenJobs");

            migrationBuilder.DropTable(
                name: "ScreeningHits");

            migrationBuilder.DropTable(
                name: "RestrictedLists");
        }
    }
}
