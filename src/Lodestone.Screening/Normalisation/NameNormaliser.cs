using System.Globalization;
using System.Text;
using AnyAscii;

namespace Lodestone.Screening.Normalisation;

/// <summary>
/// Turns a name in any script into comparable tokens: case, punctuation and diacritics removed; non-Latin scripts
/// romanised (AnyAscii); Chinese read through <see cref="ChineseGlossary"/> then pinyin; "SURNAME, Given" reordered;
/// abbreviations expanded, legal forms folded to weak tokens, stopwords dropped, plurals folded.
/// Pure and thread-safe.
/// </summary>
internal static class NameNormaliser
{
    /// <summary>Longest name kept, in tokens; longer names are cut (no real name comes near).</summary>
    public const int MaxTokens = 40;

    /// <summary>
    /// Normalises a name into its forms. The main form is the whole name (bracketed parts included: "Bank of China
    /// (Hong Kong)" is not "Bank of China (Singapore)"); a bracketed or slash-separated part that could stand alone as
    /// a name ("(EBCC)", "Al-Qa'ida/Islamic Army") adds a form of its own.
    /// </summary>
    public static NormalisedName Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return NormalisedName.Empty;
        }

        var text = name.Trim();
        if (!Ascii.IsValid(text))
        {
            // NFKC folds full-width forms (Ｈｕａｗｅｉ, （）) and compatibility characters to their plain forms.
            text = text.Normalize(NormalizationForm.FormKC);
        }

        var alternatives = SplitAlternatives(JoinSlashedLetters(text), out var main);
        var forms = new List<NormalisedForm>(1 + alternatives.Count);
        var mainTokens = NormaliseText(main);
        if (mainTokens.Length > 0)
        {
            forms.Add(new NormalisedForm(mainTokens, fromBracket: false));
        }

        foreach (var (alternative, tail) in alternatives)
        {
            var tokens = NormaliseText(alternative);
            if (tokens.Length == 0 || !CanStandAlone(alternative, tokens))
            {
                continue;
            }

            if (!string.IsNullOrWhiteSpace(tail) && NormaliseText(alternative + " " + tail) is { Length: > 0 } withTail)
            {
                tokens = withTail;
            }

            var form = new NormalisedForm(tokens, fromBracket: true);
            if (!forms.Exists(f => string.Equals(f.Text, form.Text, StringComparison.Ordinal)))
            {
                forms.Add(form);
            }
        }

        return forms.Count == 0 ? NormalisedName.Empty : new NormalisedName(forms);
    }

    /// <summary>
    /// A bracketed or slash-separated part is a name of its own when it holds a distinctive token and is either several
    /// words or an acronym ("EBCC"); "(Hong Kong)", "(Schweiz)" or "(London)" only qualify the main name.
    /// </summary>
    private static bool CanStandAlone(string raw, NameToken[] tokens)
    {
        const TokenKind notDistinctive = TokenKind.Weak | TokenKind.Generic | TokenKind.CommonName | TokenKind.Location | TokenKind.Particle
            | TokenKind.Number | TokenKind.Initial;
        if (!Array.Exists(tokens, t => (t.Kind & notDistinctive) == 0))
        {
            return false;
        }

        if (tokens.Length >= 2)
        {
            return true;
        }

        var letters = raw.Trim();
        return letters.Length is >= 2 and <= 6 && letters.All(c => !char.IsLetter(c) || char.IsUpper(c) || c > '\u024F');
    }

    /// <summary>"A/S", "S/A" → "AS", "SA": a slash between single letters is part of a legal form, not a separator.</summary>
    private static string JoinSlashedLetters(string text)
    {
        if (!text.Contains('/', StringComparison.Ordinal))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '/' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1])
                && (i < 2 || !char.IsLetter(text[i - 2])) && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
            {
                continue;
            }

            sb.Append(text[i]);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The bracketed parts and slash-separated parts of a name; <paramref name="main"/> is the whole name with
    /// brackets and slashes turned into spaces.
    /// </summary>
    private static List<(string Part, string Tail)> SplitAlternatives(string text, out string main)
    {
        var alternatives = new List<(string Part, string Tail)>();
        if (text.AsSpan().IndexOfAny("([{/") < 0)
        {
            main = text;
            return alternatives;
        }

        var outside = new StringBuilder(text.Length);
        var inside = new StringBuilder();
        var closes = new List<int>();
        var depth = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '(' or '[' or '{':
                    depth++;
                    outside.Append(' ');
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    outside.Append(' ');
                    if (depth == 0 && inside.Length > 0)
                    {
                        alternatives.Add((inside.ToString(), string.Empty));
                        closes.Add(outside.Length);
                        inside.Clear();
                    }

                    break;
                default:
                    outside.Append(c);
                    if (depth > 0)
                    {
                        inside.Append(c);
                    }

                    break;
            }
        }

        if (inside.Length > 0)
        {
            alternatives.Add((inside.ToString(), string.Empty));
        }

        main = outside.ToString();
        for (var k = 0; k < closes.Count; k++)
        {
            // "China State Shipbuilding Corporation (CSSC) 12th Research Institute": the acronym stands for the parent,
            // and what follows it names the unit, so the bracketed form keeps it ("CSSC 12th Research Institute");
            // the bare "CSSC" would make every unit of the parent the same name.
            alternatives[k] = (alternatives[k].Part, main[closes[k]..]);
        }

        if (main.Contains('/', StringComparison.Ordinal))
        {
            var parts = main.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > 1)
            {
                alternatives.AddRange(parts.Select(p => (p, string.Empty)));
            }

            main = main.Replace('/', ' ');
        }

        return alternatives;
    }

    /// <summary>Normalises one English word as a name token (used for the glossary's values).</summary>
    public static NameToken NormaliseWord(string word) =>
        NormaliseWord(word, TokenKind.None, null) ?? new NameToken(word, WordClasses.Classify(word));

    private static NameToken[] NormaliseText(string text)
    {
        var segments = text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (segments.Length == 0)
        {
            return [];
        }

        var parts = new List<List<NameToken>>(segments.Length);
        foreach (var segment in segments)
        {
            parts.Add(PostProcess(Tokenise(segment)));
        }

        // "PUTIN, Vladimir" → "Vladimir PUTIN": only for two parts where the second is not a bare legal form
        // ("Huawei Technologies Co., Ltd." keeps its order) and the first is short enough to be a surname.
        if (parts.Count == 2 && parts[0].Count is > 0 and <= 4 && parts[1].Exists(t => (t.Kind & TokenKind.Weak) == 0))
        {
            (parts[0], parts[1]) = (parts[1], parts[0]);
        }

        var all = new List<NameToken>();
        foreach (var part in parts)
        {
            all.AddRange(part);
        }

        if (all.Count > MaxTokens)
        {
            all.RemoveRange(MaxTokens, all.Count - MaxTokens);
        }

        return [.. all];
    }

    /// <summary>A raw token before legal forms, abbreviations and stopwords; glossary and pinyin tokens are final.</summary>
    private readonly record struct RawToken(string Text, TokenKind Kind, string? Source, string[]? Alternates, bool Final);

    private static List<RawToken> Tokenise(string segment)
    {
        var tokens = new List<RawToken>();
        var word = new StringBuilder();
        var han = new StringBuilder();
        var hangul = new StringBuilder();
        foreach (var rune in segment.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                FlushWord(word, tokens);
                FlushHangul(hangul, tokens);
                han.Append(rune.ToString());
            }
            else if (rune.Value is >= 0xAC00 and <= 0xD7A3)
            {
                FlushWord(word, tokens);
                FlushHan(han, tokens);
                hangul.Append((char)rune.Value);
            }
            else if (Rune.IsLetterOrDigit(rune) || IsMark(rune) || (rune.Value == '.' && word.Length > 0))
            {
                FlushHan(han, tokens);
                FlushHangul(hangul, tokens);
                word.Append(rune.ToString());
            }
            else if (rune.Value is '\'' or '’' or '‘' or '`' or 'ʼ' or 'ʻ' or '′' or '´')
            {
                // Apostrophes join: O'Brien = OBrien, Arabic ʿAli = Ali.
            }
            else
            {
                FlushWord(word, tokens);
                FlushHan(han, tokens);
                FlushHangul(hangul, tokens);
            }
        }

        FlushWord(word, tokens);
        FlushHan(han, tokens);
        FlushHangul(hangul, tokens);
        return tokens;
    }

    /// <summary>Whether a text holds a Chinese character.</summary>
    internal static bool HasHan(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsHan(rune))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHan(Rune rune) => rune.Value is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
        or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3134F) or 0x3007;

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static void FlushWord(StringBuilder word, List<RawToken> tokens)
    {
        if (word.Length == 0)
        {
            return;
        }

        var w = word.ToString();
        word.Clear();
        var kind = TokenKind.None;
        if (!Ascii.IsValid(w))
        {
            if (IsAbjad(w))
            {
                kind = TokenKind.Abjad;
            }

            // Latin with diacritics: NFD and drop the marks (é → e); anything still not ASCII (ø, ß, ł) and every
            // other script goes through AnyAscii. Marks are kept for other scripts, where they may be vowels (Thai).
            w = IsLatin(w) ? RemoveDiacritics(w) : w;
            if (!Ascii.IsValid(w))
            {
                w = w.Transliterate();
            }
        }

        w = w.ToLowerInvariant();
        if (w.Contains('.', StringComparison.Ordinal))
        {
            if (IsDottedInitials(w))
            {
                // S.A., L.L.C., A.B.C. → sa, llc, abc
                w = w.Replace(".", string.Empty, StringComparison.Ordinal);
            }
            else
            {
                w = w.Replace('.', ' ');
            }
        }

        w = Leet.Fold(w);
        var current = new StringBuilder(w.Length);
        foreach (var c in w)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                current.Append(c);
            }
            else if (c is '\'' or '`')
            {
                // Romanised apostrophes (Arabic ʿayn, hamza) join.
            }
            else if (current.Length > 0)
            {
                tokens.Add(new RawToken(current.ToString(), kind, null, null, Final: false));
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(new RawToken(current.ToString(), kind, null, null, Final: false));
        }
    }

    private static void FlushHan(StringBuilder han, List<RawToken> tokens)
    {
        if (han.Length == 0)
        {
            return;
        }

        var run = han.ToString();
        han.Clear();
        var simplified = ChineseGlossary.ToSimplified(run);
        var pending = -1;
        var i = 0;
        while (i < simplified.Length)
        {
            if (simplified[i] == '第' && TryOrdinal(simplified, i + 1, out var length, out var number))
            {
                FlushPinyin(run, ref pending, i, tokens);
                tokens.Add(new RawToken(number, TokenKind.Number, run.Substring(i, length + 1), null, Final: true));
                i += length + 1;
                continue;
            }

            var matched = ChineseGlossary.LongestMatch(simplified, i, out var words);
            if (matched > 0)
            {
                FlushPinyin(run, ref pending, i, tokens);
                var source = run.Substring(i, matched);
                foreach (var t in words)
                {
                    tokens.Add(new RawToken(t.Text, t.Kind, source, t.Alternates, Final: true));
                }

                i += matched;
                continue;
            }

            if (pending < 0)
            {
                pending = i;
            }

            i++;
        }

        FlushPinyin(run, ref pending, simplified.Length, tokens);
    }

    /// <summary>A run of Han characters not in the glossary (a brand, a person) becomes one pinyin token: 华为 → huawei.</summary>
    private static void FlushPinyin(string run, ref int pending, int end, List<RawToken> tokens)
    {
        if (pending < 0)
        {
            return;
        }

        var source = run[pending..end];
        pending = -1;
        var pinyin = LettersOnly(source.Transliterate());
        if (pinyin.Length > 0)
        {
            tokens.Add(new RawToken(pinyin, WordClasses.Classify(pinyin), source, null, Final: true));
        }
    }

    private static void FlushHangul(StringBuilder hangul, List<RawToken> tokens)
    {
        if (hangul.Length == 0)
        {
            return;
        }

        var run = hangul.ToString();
        hangul.Clear();
        var surname = tokens.Count == 0 && run.Length is >= 2 and <= 4 ? KoreanSurnames.Spelling(run[0]) : null;
        if (surname is not null)
        {
            tokens.Add(new RawToken(surname, TokenKind.None, run[..1], null, Final: true));
            var given = LettersOnly(run[1..].Transliterate());
            if (given.Length > 0)
            {
                tokens.Add(new RawToken(given, WordClasses.Classify(given), run[1..], null, Final: true));
            }

            return;
        }

        var all = LettersOnly(run.Transliterate());
        if (all.Length > 0)
        {
            tokens.Add(new RawToken(all, WordClasses.Classify(all), run, null, Final: true));
        }
    }

    private static string LettersOnly(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>Chinese ordinal after 第: 第十四 → "14", 第七一一 → "711".</summary>
    private static bool TryOrdinal(string s, int start, out int length, out string number)
    {
        const string digits = "零一二三四五六七八九";
        var end = start;
        while (end < s.Length && (digits.Contains(s[end], StringComparison.Ordinal) || s[end] is '〇' or '十' or '百' or '千' or '两'))
        {
            end++;
        }

        length = end - start;
        number = string.Empty;
        if (length == 0)
        {
            return false;
        }

        var span = s.AsSpan(start, length);
        static int DigitOf(char c) => c switch
        {
            '〇' => 0,
            '两' => 2,
            _ => "零一二三四五六七八九".IndexOf(c, StringComparison.Ordinal),
        };

        if (span.IndexOfAny("十百千") < 0)
        {
            var sb = new StringBuilder(length);
            foreach (var c in span)
            {
                sb.Append((char)('0' + DigitOf(c)));
            }

            number = sb.ToString();
            return true;
        }

        int total = 0, digit = 0;
        foreach (var c in span)
        {
            switch (c)
            {
                case '十':
                    total += (digit == 0 ? 1 : digit) * 10;
                    digit = 0;
                    break;
                case '百':
                    total += digit * 100;
                    digit = 0;
                    break;
                case '千':
                    total += digit * 1000;
                    digit = 0;
                    break;
                default:
                    digit = DigitOf(c);
                    break;
            }
        }

        number = (total + digit).ToString(CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsDottedInitials(string w)
    {
        // Letters or digits one at a time, each followed by a dot (the last dot optional): "s.a.", "a.b.c".
        var parts = w.Split('.');
        var count = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 && i == parts.Length - 1)
            {
                continue;
            }

            if (parts[i].Length != 1)
            {
                return false;
            }

            count++;
        }

        return count >= 2;
    }

    private static bool IsAbjad(string w)
    {
        foreach (var c in w)
        {
            if (c is (>= '\u0590' and <= '\u08FF') or (>= '\uFB1D' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLatin(string w)
    {
        foreach (var c in w)
        {
            if (c > '\u024F' && c is not (>= '\u0300' and <= '\u036F') && c is not (>= '\u1E00' and <= '\u1EFF'))
            {
                return false;
            }
        }

        return true;
    }

    private static string RemoveDiacritics(string w)
    {
        var decomposed = w.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Legal forms, abbreviations, stopwords and plurals, over the raw tokens of one comma-separated part.</summary>
    private static List<NameToken> PostProcess(List<RawToken> raw)
    {
        var texts = new List<string>(raw.Count);
        foreach (var r in raw)
        {
            // Final tokens take no part in multi-word legal forms.
            texts.Add(r.Final ? "\0" : r.Text);
        }

        var result = new List<NameToken>(raw.Count);
        var i = 0;
        while (i < raw.Count)
        {
            var r = raw[i];
            if (r.Final)
            {
                result.Add(new NameToken(r.Text, r.Kind, r.Source, r.Alternates));
                i++;
                continue;
            }

            var number = WordClasses.NumberWord(r.Text);
            if (number > 0)
            {
                // "forty four" / "forty-four" → 44
                var next = i + 1 < raw.Count && !raw[i + 1].Final ? WordClasses.NumberWord(raw[i + 1].Text) : 0;
                var compound = number is >= 20 and < 100 && number % 10 == 0 && next is > 0 and < 10;
                var value = compound ? number + next : number;
                result.Add(new NameToken(value.ToString(CultureInfo.InvariantCulture), TokenKind.Number, r.Source));
                i += compound ? 2 : 1;
                continue;
            }

            var span = LegalForms.MatchMulti(texts, i, out var canonical);
            if (span > 0)
            {
                foreach (var c in canonical)
                {
                    result.Add(new NameToken(c, TokenKind.Weak));
                }

                i += span;
                continue;
            }

            var expansion = Abbreviations.Expand(r.Text);
            foreach (var word in expansion ?? [r.Text])
            {
                if (NormaliseWord(word, r.Kind & TokenKind.Abjad, r.Source) is { } token)
                {
                    result.Add(expansion is [_] && Abbreviations.IsAlsoWord(r.Text) ? token with { Alternates = [r.Text] } : token);
                }
            }

            i++;
        }

        return result;
    }

    /// <summary>One word: ordinals to numbers, plural folding, legal forms, stopwords (null), and its kind.</summary>
    private static NameToken? NormaliseWord(string word, TokenKind abjad, string? source)
    {
        if (char.IsAsciiDigit(word[0]))
        {
            // 1st, 2nd, 14th → 1, 2, 14
            var digits = word.AsSpan().IndexOfAnyExceptInRange('0', '9');
            if (digits > 0 && word[digits..] is "st" or "nd" or "rd" or "th")
            {
                word = word[..digits];
            }
        }

        if (WordClasses.IsStopword(word))
        {
            return null;
        }

        word = WordClasses.Canonical(word);

        if (WordClasses.OrdinalWord(word) is { } ordinal)
        {
            // "First International Bank" = "1st International Bank"
            return new NameToken(ordinal, TokenKind.Number, source);
        }

        var folded = abjad == TokenKind.None ? PluralFolding.Fold(word) : word;
        if ((LegalForms.Canonicalise(word) ?? LegalForms.Canonicalise(folded)) is { } legal)
        {
            return new NameToken(legal, TokenKind.Weak, source);
        }

        var kind = WordClasses.Classify(folded);
        if (kind == TokenKind.None && abjad == TokenKind.None && WordClasses.MisspeltGeneric(folded) is { } generic)
        {
            folded = generic;
            kind = TokenKind.Generic;
        }

        if ((kind & TokenKind.Number) == 0)
        {
            kind |= abjad;
        }

        return new NameToken(folded, kind, source);
    }
}
