using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Connective.Web.Infrastructure;

/// <summary>
/// Gives every &lt;script&gt; written in a Razor view the request's CSP nonce, so an inline script
/// can never be forgotten and silently blocked.
/// </summary>
[HtmlTargetElement("script")]
public sealed class NonceTagHelper(CspNonce nonce) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.SetAttribute("nonce", nonce.Value);
    }
}
