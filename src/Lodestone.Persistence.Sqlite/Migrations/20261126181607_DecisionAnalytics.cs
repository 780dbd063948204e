using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DecisionAnalytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RoutedOn",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DecisionTotals",
                columns: table => new
                {
                    Grain = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ControlCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Applications = table.Column<int>(type: "INTEGER", nullable: false),
                    Grams = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionTotals", x => new { x.Grain, x.PeriodStart, x.Destination, x.ControlCode, x.Sector, x.Lane, x.Outcome });
                });

            migrationBuilder.CreateTable(
                name: "ExportTotals",
                columns: table => new
                {
                    Grain = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ControlCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Authorisation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Grams = table.Column<long>(type: "INTEGER", nullable: false),
                    ValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Shipments = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportTotals", x => new { x.Grain, x.PeriodStart, x.Destination, x.ControlCode, x.Sector, x.Authorisation, x.Source });
                });

            migrationBuilder.CreateTable(
                name: "ProcessingTimes",
                columns: table => new
                {
                    Grain = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Decisions = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessingTimes", x => new { x.Grain, x.PeriodStart, x.Destination, x.Lane, x.WorkingDays });
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionTotals_Grain_Destination_PeriodStart",
                table: "DecisionTotals",
                columns: new[] { "Grain", "Destination", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ExportTotals_Grain_Destination_PeriodStart",
                table: "ExportTotals",
                columns: new[] { "Grain", "Destination", "PeriodStart" });

            // Monthly totals carry over (customs statistics cannot be rebuilt from shipments); the week rows
            // and the decision roll-ups are built once by DatabaseInitializer after this migration.
            migrationBuilder.Sql("""
                INSERT INTO "ExportTotals" ("Grain", "PeriodStart", "Destination", "ControlCode", "Sector", "Authorisation", "Source", "Grams", "ValueCents", "Shipments")
                SELECT 'month', "Month", "Destination", "ControlCode", "Sector", "Authorisation", "Source", "Grams", "ValueCents", "Shipments" FROM "ExportMonths"
                """);

            migrationBuilder.DropTable(
                name: "ExportMonths");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionTotals");

            migrationBuilder.DropTable(
                name: "ExportTotals");

            migrationBuilder.DropTable(
                name: "ProcessingTimes");

            migrationBuilder.DropColumn(
                name: "RoutedOn",
                table: "Applications");

            migrationBuilder.CreateTable(
                name: "ExportMonths",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ControlCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Authorisation = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Grams = table.Column<long>(type: "INTEGER", nullable: false),
                    Shipments = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExportMonths", x => new { x.Month, x.Destination, x.ControlCode, x.Sector, x.Authorisation, x.Source });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExportMonths_Destination_Month",
                table: "ExportMonths",
                columns: new[] { "Destination", "Month" });
        }
    }
}
