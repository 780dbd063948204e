using System.Globalization;
using System.Text;

namespace Lodestone.DataFiles.Lists;

/// <summary>
/// English country names as the US and OFAC lists spell them, mapped to ISO 3166-1 alpha-2. A fixed table (not
/// the platform's region data) so that conversion gives the same output on every machine. A name not in the
/// table maps to nothing: an unknown country is better than a guessed one.
/// </summary>
public static class CountryNames
{
    private static readonly Dictionary<string, string> ByName = Build();

    /// <summary>Maps a country name (or an ISO alpha-2 code) to its upper-case ISO code.</summary>
    public static bool TryGetCode(string? name, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        if (ListValues.IsoCountry(name.Trim()) is { } iso && name.Trim().All(char.IsUpper))
        {
            code = iso;
            return true;
        }

        if (ByName.TryGetValue(Key(name), out var found))
        {
            code = found;
            return true;
        }

        return false;
    }

    /// <summary>The code for a name, or null.</summary>
    public static string? CodeOf(string? name) => TryGetCode(name, out var code) ? code : null;

    /// <summary>Lower case, accents and punctuation dropped, "&amp;" as "and", "St." as "saint", a leading "the" dropped.</summary>
    private static string Key(string name)
    {
        var decomposed = name.Trim().ToLowerInvariant().Replace("&", " and ", StringComparison.Ordinal).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words is ["the", _, ..])
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words.Select(w => w == "st" ? "saint" : w));
    }

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var code = line[..2];
            foreach (var name in line[3..].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                map.TryAdd(Key(name), code);
            }
        }

        return map;
    }

    // Code: name | other spellings. The first name is the common English short name.
    private const string Table = """
        AD: Andorra
        AE: United Arab Emirates | UAE | U.A.E.
        AF: Afghanistan
        AG: Antigua & Barbuda | Antigua and Barbuda
        AI: Anguilla
        AL: Albania
        AM: Armenia
        AO: Angola
        AQ: Antarctica
        AR: Argentina
        AS: American Samoa
        AT: Austria
        AU: Australia
        AW: Aruba
        AX: Aland Islands | Åland Islands
        AZ: Azerbaijan
        BA: Bosnia & Herzegovina | Bosnia and Herzegovina | Bosnia
        BB: Barbados
        BD: Bangladesh
        BE: Belgium
        BF: Burkina Faso
        BG: Bulgaria
        BH: Bahrain
        BI: Burundi
        BJ: Benin
        BL: St. Barthelemy | Saint Barthélemy
        BM: Bermuda
        BN: Brunei | Brunei Darussalam
        BO: Bolivia | Bolivia, Plurinational State of
        BQ: Caribbean Netherlands
        BR: Brazil
        BS: Bahamas | The Bahamas
        BT: Bhutan
        BV: Bouvet Island
        BW: Botswana
        BY: Belarus
        BZ: Belize
        CA: Canada
        CC: Cocos (Keeling) Islands
        CD: Congo - Kinshasa | Democratic Republic of the Congo | Congo, Democratic Republic of the | DR Congo | DRC | Zaire
        CF: Central African Republic
        CG: Congo - Brazzaville | Republic of the Congo | Congo, Republic of the
        CH: Switzerland
        CI: Cote d'Ivoire | Ivory Coast
        CK: Cook Islands
        CL: Chile
        CM: Cameroon
        CN: China | People's Republic of China | PRC | Mainland China | China, mainland
        CO: Colombia
        CR: Costa Rica
        CU: Cuba
        CV: Cape Verde | Cabo Verde
        CW: Curacao | Curaçao
        CX: Christmas Island
        CY: Cyprus
        CZ: Czechia | Czech Republic
        DE: Germany | Federal Republic of Germany
        DJ: Djibouti
        DK: Denmark
        DM: Dominica
        DO: Dominican Republic
        DZ: Algeria
        EC: Ecuador
        EE: Estonia
        EG: Egypt
        EH: Western Sahara
        ER: Eritrea
        ES: Spain
        ET: Ethiopia
        FI: Finland
        FJ: Fiji
        FK: Falkland Islands
        FM: Micronesia | Micronesia, Federated States of
        FO: Faroe Islands
        FR: France
        GA: Gabon
        GB: United Kingdom | UK | U.K. | Great Britain | Britain | England | Scotland | Wales | Northern Ireland
        GD: Grenada
        GE: Georgia
        GF: French Guiana
        GG: Guernsey
        GH: Ghana
        GI: Gibraltar
        GL: Greenland
        GM: Gambia | The Gambia
        GN: Guinea
        GP: Guadeloupe
        GQ: Equatorial Guinea
        GR: Greece
        GS: South Georgia & South Sandwich Islands
        GT: Guatemala
        GU: Guam
        GW: Guinea-Bissau
        GY: Guyana
        HK: Hong Kong | Hong Kong SAR | Hong Kong SAR China | Hong Kong, China
        HM: Heard & McDonald Islands
        HN: Honduras
        HR: Croatia
        HT: Haiti
        HU: Hungary
        ID: Indonesia
        IE: Ireland | Republic of Ireland
        IL: Israel
        IM: Isle of Man | Man, Isle of
        IN: India
        IO: British Indian Ocean Territory
        IQ: Iraq
        IR: Iran | Islamic Republic of Iran | Iran, Islamic Republic of
        IS: Iceland
        IT: Italy
        JE: Jersey
        JM: Jamaica
        JO: Jordan
        JP: Japan
        KE: Kenya
        KG: Kyrgyzstan | Kyrgyz Republic
        KH: Cambodia
        KI: Kiribati
        KM: Comoros
        KN: St. Kitts & Nevis | Saint Kitts and Nevis
        KP: North Korea | Korea, North | Korea, Democratic People's Republic of | Democratic People's Republic of Korea | DPRK
        KR: South Korea | Korea, South | Republic of Korea | Korea, Republic of
        KW: Kuwait
        KY: Cayman Islands | Cayman Islands
        KZ: Kazakhstan
        LA: Laos | Lao People's Democratic Republic | Lao PDR
        LB: Lebanon
        LC: St. Lucia | Saint Lucia
        LI: Liechtenstein
        LK: Sri Lanka
        LR: Liberia
        LS: Lesotho
        LT: Lithuania
        LU: Luxembourg
        LV: Latvia
        LY: Libya | Libyan Arab Jamahiriya
        MA: Morocco
        MC: Monaco
        MD: Moldova | Moldova, Republic of | Republic of Moldova
        ME: Montenegro
        MF: St. Martin
        MG: Madagascar
        MH: Marshall Islands
        MK: North Macedonia | Macedonia | Former Yugoslav Republic of Macedonia | North Macedonia, The Republic of
        ML: Mali
        MM: Myanmar | Burma | Myanmar (Burma)
        MN: Mongolia
        MO: Macao | Macau | Macao SAR
        MP: Northern Mariana Islands
        MQ: Martinique
        MR: Mauritania
        MS: Montserrat
        MT: Malta
        MU: Mauritius
        MV: Maldives
        MW: Malawi
        MX: Mexico
        MY: Malaysia
        MZ: Mozambique
        NA: Namibia
        NC: New Caledonia
        NE: Niger
        NF: Norfolk Island
        NG: Nigeria
        NI: Nicaragua
        NL: Netherlands | The Netherlands | Holland
        NO: Norway
        NP: Nepal
        NR: Nauru
        NU: Niue
        NZ: New Zealand
        OM: Oman
        PA: Panama
        PE: Peru
        PF: French Polynesia
        PG: Papua New Guinea
        PH: Philippines
        PK: Pakistan
        PL: Poland
        PM: St. Pierre & Miquelon
        PN: Pitcairn Islands
        PR: Puerto Rico
        PS: Palestinian Territories | Palestine | Palestinian | West Bank | Gaza | Gaza Strip | State of Palestine | Occupied Palestinian Territory
        PT: Portugal
        PW: Palau
        PY: Paraguay
        QA: Qatar
        RE: Reunion | Réunion
        RO: Romania
        RS: Serbia
        RU: Russia | Russian Federation
        RW: Rwanda
        SA: Saudi Arabia | Kingdom of Saudi Arabia
        SB: Solomon Islands
        SC: Seychelles
        SD: Sudan | Republic of the Sudan
        SE: Sweden
        SG: Singapore
        SH: St. Helena
        SI: Slovenia
        SJ: Svalbard & Jan Mayen
        SK: Slovakia | Slovak Republic
        SL: Sierra Leone
        SM: San Marino
        SN: Senegal
        SO: Somalia
        SR: Suriname
        SS: South Sudan | Republic of South Sudan
        ST: Sao Tome & Principe | Sao Tome and Principe
        SV: El Salvador
        SX: Sint Maarten
        SY: Syria | Syrian Arab Republic
        SZ: Eswatini | Swaziland
        TC: Turks & Caicos Islands | Turks and Caicos Islands
        TD: Chad
        TF: French Southern Territories
        TG: Togo
        TH: Thailand
        TJ: Tajikistan
        TK: Tokelau
        TL: Timor-Leste | East Timor
        TM: Turkmenistan
        TN: Tunisia
        TO: Tonga
        TR: Turkey | Turkiye | Türkiye
        TT: Trinidad & Tobago | Trinidad and Tobago
        TV: Tuvalu
        TW: Taiwan | Taiwan, Province of China | Chinese Taipei
        TZ: Tanzania | Tanzania, United Republic of | United Republic of Tanzania
        UA: Ukraine | Crimea Region of Ukraine | Crimea | Crimea region of Ukraine
        UG: Uganda
        UM: U.S. Outlying Islands
        US: United States | United States of America | USA | U.S.A. | U.S.
        UY: Uruguay
        UZ: Uzbekistan
        VA: Vatican City | Holy See
        VC: St. Vincent & Grenadines | Saint Vincent and the Grenadines
        VE: Venezuela | Venezuela, Bolivarian Republic of
        VG: British Virgin Islands | Virgin Islands, British
        VI: U.S. Virgin Islands
        VN: Vietnam | Viet Nam
        VU: Vanuatu
        WF: Wallis & Futuna
        WS: Samoa
        YE: Yemen
        YT: Mayotte
        ZA: South Africa
        ZM: Zambia
        ZW: Zimbabwe
        """;
}
