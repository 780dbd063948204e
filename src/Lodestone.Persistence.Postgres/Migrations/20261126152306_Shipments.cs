using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lodestone.Persistence.Postgres.Migrations
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
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Suspension",
                table: "Licences",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LicenceChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LicenceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Fields = table.Column<string>(type: "text", nullable: false),
                    IsKey = table.Column<bool>(type: "boolean", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DeclaredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeclaredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExporterId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsigneeId = table.Column<Guid>(type: "uuid", nullable: false),
                    EndUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Destination = table.Column<string>(type: "character(2)", fixedLength: true, maxLength: 2, nullable: false),
                    Facility = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    Items = table.Column<string>(type: "text", nullable: false),
                    QuantityKg = table.Column<decimal>(type: "numeric(18,3)", precision: 18, scale: 3, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    Authorisation = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    LicenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    VeuId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorisationNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reasons = table.Column<string>(type: "text", nullable: false),
                    Drawn = table.Column<bool>(type: "boolean", nullable: false),
                    History = table.Column<string>(type: "text", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ShipmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    OverdueRaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
