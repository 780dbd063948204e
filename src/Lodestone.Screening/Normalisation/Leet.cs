namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Digits typed for look-alike letters ("Ig0r Sech1n" for Igor Sechin). Only a digit with a letter on each side is
/// read as a letter: "12th", "A380" and "Plant 5" keep their numbers, which must agree exactly.
/// </summary>
internal static class Leet
{
    /// <summary>The word (lower case) with each digit between two letters replaced by the letter it looks like.</summary>
    public static string Fold(string word)
    {
        if (word.Length < 3 || !word.AsSpan().ContainsAnyInRange('0', '9'))
        {
            return word;
        }

        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.AsSpan().CopyTo(buffer);
        var changed = false;
        for (var i = 1; i < word.Length - 1; i++)
        {
            if (char.IsAsciiLetterLower(word[i - 1]) && char.IsAsciiLetterLower(word[i + 1]) && LetterOf(word[i]) is var letter and not '\0')
            {
                buffer[i] = letter;
                changed = true;
            }
        }

        return changed ? new string(buffer) : word;
    }

    private static char LetterOf(char digit) => digit switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        _ => '\0',
    };
}
