using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Postgres.Migrations
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
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Destination = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ControlCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Authorisation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Grams = table.Column<long>(type: "bigint", nullable: false),
                    ValueCents = table.Column<long>(type: "bigint", nullable: false),
                    Shipments = table.Column<int>(type: "integer", nullable: false)
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
