using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Connective.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentQueryPath : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ScriptVersion",
                table: "Consents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnBy",
                table: "Consents",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "NetworkVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NetworkVersions", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "NetworkVersions",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NetworkVersions");

            migrationBuilder.DropColumn(
                name: "ScriptVersion",
                table: "Consents");

            migrationBuilder.DropColumn(
                name: "WithdrawnBy",
                table: "Consents");
        }
    }
}
