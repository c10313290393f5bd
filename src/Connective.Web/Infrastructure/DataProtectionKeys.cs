using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Connective.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Connective.Web.Infrastructure;

/// <summary>`DataProtection` settings: the certificate that protects the data-protection keys at rest.</summary>
public sealed class DataProtectionOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PFX (PKCS #12) file with the certificate and its private key. Required in production.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password, if it has one (set it from a secret store or an environment variable).</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// The keys that protect session cookies, antiforgery tokens and Identity's tokens live in the database
/// (DataProtectionKeys), so that every web instance shares them and a restart signs nobody out. Outside Development and
/// Demo each key is encrypted with a configured certificate, so a copy of the database alone cannot forge a session.
/// </summary>
internal static class DataProtectionKeys
{
    public const string ApplicationName = "Connective";

    /// <summary>
    /// Set in <c>builder.Host.Properties</c> by a command that touches only the database (`migrate`, `backup`): it runs
    /// without the certificate, and any attempt to write a key fails instead of storing it unencrypted.
    /// </summary>
    public const string KeysNotNeeded = "Connective.DataProtection.KeysNotNeeded";

    public static WebApplicationBuilder AddDataProtectionKeys(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();

        if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Demo"))
        {
            return builder; // a developer's or demo database: the keys are stored unencrypted, which is fine for made-up data
        }
        if (builder.Host.Properties.ContainsKey(KeysNotNeeded))
        {
            builder.Services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new RefuseToWriteKeys());
            return builder;
        }
        var settings = builder.Configuration.GetSection(DataProtectionOptions.Section).Get<DataProtectionOptions>() ?? new DataProtectionOptions();
        var certificate = LoadCertificate(settings, builder.Environment.EnvironmentName);
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        return builder;
    }

    private static X509Certificate2 LoadCertificate(DataProtectionOptions settings, string environment)
    {
        if (string.IsNullOrWhiteSpace(settings.CertificatePath))
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath is not set, and the {environment} environment will not start without it. " +
                "The keys that protect sign-in cookies are stored in the database and must be encrypted at rest: set " +
                "DataProtection__CertificatePath to a PFX file with a private key (and DataProtection__CertificatePassword if it has one). " +
                "See docs/configuration.md.");
        }
        if (!File.Exists(settings.CertificatePath))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{settings.CertificatePath}' does not exist.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{settings.CertificatePath}' could not be read as a PFX file with that password: {exception.Message}", exception);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate in '{settings.CertificatePath}' has no private key, so the keys it protects could not be read back.");
        }
        return certificate;
    }
}

/// <summary>The key encryptor of a database-only command: no key may be written by it, least of all unencrypted.</summary>
internal sealed class RefuseToWriteKeys : Microsoft.AspNetCore.DataProtection.XmlEncryption.IXmlEncryptor
{
    public Microsoft.AspNetCore.DataProtection.XmlEncryption.EncryptedXmlInfo Encrypt(System.Xml.Linq.XElement plaintextElement) =>
        throw new InvalidOperationException("This command needs only the database; it does not use data protection and writes no key.");
}
