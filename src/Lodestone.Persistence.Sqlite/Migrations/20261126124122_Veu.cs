using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Veu : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Facility",
                table: "Applications",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "VeuId",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VeuAuthorizations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ExporterIds = table.Column<string>(type: "TEXT", nullable: false),
                    EndUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Facilities = table.Column<string>(type: "TEXT", nullable: false),
                    ControlCodes = table.Column<string>(type: "TEXT", nullable: false),
                    EndUse = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EndUseDescription = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AnnualCapKg = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    ForecastAnnualKg = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    ValidityMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Documents = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AppliedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApplicantOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AppliedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Panel = table.Column<string>(type: "TEXT", nullable: false),
                    Votes = table.Column<string>(type: "TEXT", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", nullable: false),
                    InformationRequests = table.Column<string>(type: "TEXT", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewRound = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeuAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VeuAuthorizations_Parties_EndUserId",
                        column: x => x.EndUserId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VeuCapYears",
                columns: table => new
                {
                    VeuId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    CapGrams = table.Column<long>(type: "INTEGER", nullable: false),
                    DrawnGrams = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeuCapYears", x => new { x.VeuId, x.Year });
                    table.ForeignKey(
                        name: "FK_VeuCapYears_VeuAuthorizations_VeuId",
                        column: x => x.VeuId,
                        principalTable: "VeuAuthorizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VeuDrawdowns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VeuId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    QuantityKg = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VeuDrawdowns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VeuDrawdowns_VeuAuthorizations_VeuId",
                        column: x => x.VeuId,
                        principalTable: "VeuAuthorizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_VeuId",
                table: "Applications",
                column: "VeuId");

            migrationBuilder.CreateIndex(
                name: "IX_VeuAuthorizations_EndUserId_Status",
                table: "VeuAuthorizations",
                columns: new[] { "EndUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_VeuAuthorizations_Number",
                table: "VeuAuthorizations",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VeuAuthorizations_Status",
                table: "VeuAuthorizations",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_VeuDrawdowns_ApplicationId",
                table: "VeuDrawdowns",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VeuDrawdowns_VeuId_On",
                table: "VeuDrawdowns",
                columns: new[] { "VeuId", "On" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VeuCapYears");

            migrationBuilder.DropTable(
                name: "VeuDrawdowns");

            migrationBuilder.DropTable(
                name: "VeuAuthorizations");

            migrationBuilder.DropIndex(
                name: "IX_Applications_VeuId",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Facility",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "VeuId",
                table: "Applications");
        }
    }
}
