using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Shipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "History",
                table: "Licences",
                // Licences issued before this migration have no recorded history yet: an empty JSON list.
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Suspension",
                table: "Licences",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LicenceChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LicenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Fields = table.Column<string>(type: "TEXT", nullable: false),
                    IsKey = table.Column<bool>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LicenceChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LicenceChanges_Licences_LicenceId",
                        column: x => x.LicenceId,
                        principalTable: "Licences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Shipments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExporterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsigneeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EndUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Destination = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 2, nullable: false),
                    Facility = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 3, nullable: false),
                    Items = table.Column<string>(type: "TEXT", nullable: false),
                    QuantityKg = table.Column<decimal>(type: "TEXT", precision: 18, scale: 3, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    Authorisation = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LicenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VeuId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorisationNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: false),
                    Drawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    History = table.Column<string>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shipments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shipments_Licences_LicenceId",
                        column: x => x.LicenceId,
                        principalTable: "Licences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Shipments_Parties_EndUserId",
                        column: x => x.EndUserId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Shipments_Parties_ExporterId",
                        column: x => x.ExporterId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostShipmentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OverdueRaisedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostShipmentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostShipmentReports_Shipments_ShipmentId",
                        column: x => x.ShipmentId,
                        principalTable: "Shipments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Licences_Status_ValidUntil",
                table: "Licences",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_LicenceChanges_LicenceId",
                table: "LicenceChanges",
                column: "LicenceId");

            migrationBuilder.CreateIndex(
                name: "IX_PostShipmentReports_DueOn",
                table: "PostShipmentReports",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_PostShipmentReports_ShipmentId_Kind",
                table: "PostShipmentReports",
                columns: new[] { "ShipmentId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_EndUserId",
                table: "Shipments",
                column: "EndUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_ExporterId",
                table: "Shipments",
                column: "ExporterId");

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_LicenceId",
                table: "Shipments",
                column: "LicenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_Number",
                table: "Shipments",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_Status_DeclaredOn",
                table: "Shipments",
                columns: new[] { "Status", "DeclaredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Shipments_VeuId",
                table: "Shipments",
                column: "VeuId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LicenceChanges");

            migrationBuilder.DropTable(
                name: "PostShipmentReports");

            migrationBuilder.DropTable(
                name: "Shipments");

            migrationBuilder.DropIndex(
                name: "IX_Licences_Status_ValidUntil",
                table: "Licences");

            migrationBuilder.DropColumn(
                name: "History",
                table: "Licences");

            migrationBuilder.DropColumn(
                name: "Suspension",
                table: "Licences");
        }
    }
}
