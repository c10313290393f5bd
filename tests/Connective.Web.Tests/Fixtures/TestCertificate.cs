using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Connective.Web.Tests.Fixtures;

/// <summary>
/// A self-signed certificate in a PFX file for the whole test run: production mode will not start without one to protect
/// its data-protection keys (DataProtection:CertificatePath), so every factory hands it this one.
/// </summary>
public static class TestCertificate
{
    public const string Password = "test-only-pfx-password";

    private static readonly Lazy<string> File = new(Create);

    /// <summary>The PFX file, created on first use in the temp folder and deleted when the test process exits.</summary>
    public static string PfxPath => File.Value;

    private static string Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Connective tests data protection", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(Path.GetTempPath(), "connective-test-dp-" + Guid.NewGuid().ToString("N") + ".pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
