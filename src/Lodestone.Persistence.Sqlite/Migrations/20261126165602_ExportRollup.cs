using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ExportRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                    ValueCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Shipments = table.Column<int>(type: "INTEGER", nullable: false)
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExportMonths");
        }
    }
}
