using System.Text;

namespace Connective.Web.Infrastructure;

/// <summary>
/// An enum value as a page shows it: words in sentence case ("LoneWorking" becomes "Lone working",
/// "EnhancedWithAdultsBarredList" becomes "Enhanced with adults barred list"), never the code's own name.
/// </summary>
public static class EnumWords
{
    public static string Words(this Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var character = name[i];
            if (i > 0 && char.IsUpper(character) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                words.Append(' ');
                // An acronym (DBS, GP) stays in capitals; a word starts lower case after the first.
                var isAcronym = i + 1 < name.Length && char.IsUpper(name[i + 1]);
                words.Append(isAcronym ? character : char.ToLowerInvariant(character));
            }
            else
            {
                words.Append(character);
            }
        }
        return words.ToString();
    }
}
