using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Connective.Web.Features.Open;

[Authorize(Policy = OpenPolicies.Officer)]
[RequestSizeLimit(UploadModel.LargestFile)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadModel.LargestFile)]
public sealed class UploadModel(OpenUploads uploads) : PageModel
{
    public const int LargestFile = 50 * 1024 * 1024;

    public static readonly IReadOnlyList<(string Id, string Title)> Datasets =
        [(OpenDatasetIds.Spending, "Spending over £500"), (OpenDatasetIds.Contracts, "Contracts"), (OpenDatasetIds.Grants, "Grants to community organisations")];

    [BindProperty]
    public string? Dataset { get; set; }

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    public UploadResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Dataset is null || !OpenUploads.Columns.ContainsKey(Dataset))
        {
            Result = new UploadResult(0, [new UploadError(0, "-", "choose which dataset the file holds")], 1);
            return Page();
        }
        if (CsvFile is null || CsvFile.Length == 0)
        {
            Result = new UploadResult(0, [new UploadError(0, "-", "choose a CSV file to upload")], 1);
            return Page();
        }
        await using var stream = CsvFile.OpenReadStream();
        Result = await uploads.UploadAsync(Dataset, stream, CsvFile.FileName, User, cancellationToken);
        return Page();
    }
}
