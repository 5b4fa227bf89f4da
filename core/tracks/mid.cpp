#include "tracks/mid.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace sightline {

namespace {

// ITU-R M.585 / ITU MARS Table of Maritime Identification Digits, sorted by MID.
// 306 is shared by Curaçao, Sint Maarten and Bonaire, Sint Eustatius and Saba;
// it is listed as Curaçao's ("CW"), the largest register of the three.
constexpr FlagState kMidTable[] = {
    {201, "AL", "Albania"},
    {202, "AD", "Andorra"},
    {203, "AT", "Austria"},
    {204, "PT", "Azores (Portugal)"},
    {205, "BE", "Belgium"},
    {206, "BY", "Belarus"},
    {207, "BG", "Bulgaria"},
    {208, "VA", "Vatican City State"},
    {209, "CY", "Cyprus"},
    {210, "CY", "Cyprus"},
    {211, "DE", "Germany"},
    {212, "CY", "Cyprus"},
    {213, "GE", "Georgia"},
    {214, "MD", "Moldova"},
    {215, "MT", "Malta"},
    {216, "AM", "Armenia"},
    {218, "DE", "Germany"},
    {219, "DK", "Denmark"},
    {220, "DK", "Denmark"},
    {224, "ES", "Spain"},
    {225, "ES", "Spain"},
    {226, "FR", "France"},
    {227, "FR", "France"},
    {228, "FR", "France"},
    {229, "MT", "Malta"},
    {230, "FI", "Finland"},
    {231, "FO", "Faroe Islands (Denmark)"},
    {232, "GB", "United Kingdom"},
    {233, "GB", "United Kingdom"},
    {234, "GB", "United Kingdom"},
    {235, "GB", "United Kingdom"},
    {236, "GI", "Gibraltar (United Kingdom)"},
    {237, "GR", "Greece"},
    {238, "HR", "Croatia"},
    {239, "GR", "Greece"},
    {240, "GR", "Greece"},
    {241, "GR", "Greece"},
    {242, "MA", "Morocco"},
    {243, "HU", "Hungary"},
    {244, "NL", "Netherlands"},
    {245, "NL", "Netherlands"},
    {246, "NL", "Netherlands"},
    {247, "IT", "Italy"},
    {248, "MT", "Malta"},
    {249, "MT", "Malta"},
    {250, "IE", "Ireland"},
    {251, "IS", "Iceland"},
    {252, "LI", "Liechtenstein"},
    {253, "LU", "Luxembourg"},
    {254, "MC", "Monaco"},
    {255, "PT", "Madeira (Portugal)"},
    {256, "MT", "Malta"},
    {257, "NO", "Norway"},
    {258, "NO", "Norway"},
    {259, "NO", "Norway"},
    {261, "PL", "Poland"},
    {262, "ME", "Montenegro"},
    {263, "PT", "Portugal"},
    {264, "RO", "Romania"},
    {265, "SE", "Sweden"},
    {266, "SE", "Sweden"},
    {267, "SK", "Slovakia"},
    {268, "SM", "San Marino"},
    {269, "CH", "Switzerland"},
    {270, "CZ", "Czech Republic"},
    {271, "TR", "Türkiye"},
    {272, "UA", "Ukraine"},
    {273, "RU", "Russian Federation"},
    {274, "MK", "North Macedonia"},
    {275, "LV", "Latvia"},
    {276, "EE", "Estonia"},
    {277, "LT", "Lithuania"},
    {278, "SI", "Slovenia"},
    {279, "RS", "Serbia"},

    {301, "AI", "Anguilla (United Kingdom)"},
    {303, "US", "Alaska (United States of America)"},
    {304, "AG", "Antigua and Barbuda"},
    {305, "AG", "Antigua and Barbuda"},
    {306, "CW", "Curaçao, Sint Maarten, Bonaire, Sint Eustatius and Saba (Netherlands)"},
    {307, "AW", "Aruba (Netherlands)"},
    {308, "BS", "Bahamas"},
    {309, "BS", "Bahamas"},
    {310, "BM", "Bermuda (United Kingdom)"},
    {311, "BS", "Bahamas"},
    {312, "BZ", "Belize"},
    {314, "BB", "Barbados"},
    {316, "CA", "Canada"},
    {319, "KY", "Cayman Islands (United Kingdom)"},
    {321, "CR", "Costa Rica"},
    {323, "CU", "Cuba"},
    {325, "DM", "Dominica"},
    {327, "DO", "Dominican Republic"},
    {329, "GP", "Guadeloupe (France)"},
    {330, "GD", "Grenada"},
    {331, "GL", "Greenland (Denmark)"},
    {332, "GT", "Guatemala"},
    {334, "HN", "Honduras"},
    {336, "HT", "Haiti"},
    {338, "US", "United States of America"},
    {339, "JM", "Jamaica"},
    {341, "KN", "Saint Kitts and Nevis"},
    {343, "LC", "Saint Lucia"},
    {345, "MX", "Mexico"},
    {347, "MQ", "Martinique (France)"},
    {348, "MS", "Montserrat (United Kingdom)"},
    {350, "NI", "Nicaragua"},
    {351, "PA", "Panama"},
    {352, "PA", "Panama"},
    {353, "PA", "Panama"},
    {354, "PA", "Panama"},
    {355, "PA", "Panama"},
    {356, "PA", "Panama"},
    {357, "PA", "Panama"},
    {358, "PR", "Puerto Rico (United States of America)"},
    {359, "SV", "El Salvador"},
    {361, "PM", "Saint Pierre and Miquelon (France)"},
    {362, "TT", "Trinidad and Tobago"},
    {364, "TC", "Turks and Caicos Islands (United Kingdom)"},
    {366, "US", "United States of America"},
    {367, "US", "United States of America"},
    {368, "US", "United States of America"},
    {369, "US", "United States of America"},
    {370, "PA", "Panama"},
    {371, "PA", "Panama"},
    {372, "PA", "Panama"},
    {373, "PA", "Panama"},
    {374, "PA", "Panama"},
    {375, "VC", "Saint Vincent and the Grenadines"},
    {376, "VC", "Saint Vincent and the Grenadines"},
    {377, "VC", "Saint Vincent and the Grenadines"},
    {378, "VG", "British Virgin Islands (United Kingdom)"},
    {379, "VI", "United States Virgin Islands (United States of America)"},

    {401, "AF", "Afghanistan"},
    {403, "SA", "Saudi Arabia"},
    {405, "BD", "Bangladesh"},
    {408, "BH", "Bahrain"},
    {410, "BT", "Bhutan"},
    {412, "CN", "China"},
    {413, "CN", "China"},
    {414, "CN", "China"},
    {416, "TW", "Taiwan (Province of China)"},
    {417, "LK", "Sri Lanka"},
    {419, "IN", "India"},
    {422, "IR", "Iran"},
    {423, "AZ", "Azerbaijan"},
    {425, "IQ", "Iraq"},
    {428, "IL", "Israel"},
    {431, "JP", "Japan"},
    {432, "JP", "Japan"},
    {434, "TM", "Turkmenistan"},
    {436, "KZ", "Kazakhstan"},
    {437, "UZ", "Uzbekistan"},
    {438, "JO", "Jordan"},
    {440, "KR", "Republic of Korea"},
    {441, "KR", "Republic of Korea"},
    {443, "PS", "State of Palestine"},
    {445, "KP", "Democratic People's Republic of Korea"},
    {447, "KW", "Kuwait"},
    {450, "LB", "Lebanon"},
    {451, "KG", "Kyrgyz Republic"},
    {453, "MO", "Macao (China)"},
    {455, "MV", "Maldives"},
    {457, "MN", "Mongolia"},
    {459, "NP", "Nepal"},
    {461, "OM", "Oman"},
    {463, "PK", "Pakistan"},
    {466, "QA", "Qatar"},
    {468, "SY", "Syrian Arab Republic"},
    {470, "AE", "United Arab Emirates"},
    {471, "AE", "United Arab Emirates"},
    {472, "TJ", "Tajikistan"},
    {473, "YE", "Yemen"},
    {475, "YE", "Yemen"},
    {477, "HK", "Hong Kong (China)"},
    {478, "BA", "Bosnia and Herzegovina"},

    {501, "TF", "Adélie Land (France)"},
    {503, "AU", "Australia"},
    {506, "MM", "Myanmar"},
    {508, "BN", "Brunei Darussalam"},
    {510, "FM", "Micronesia (Federated States of)"},
    {511, "PW", "Palau"},
    {512, "NZ", "New Zealand"},
    {514, "KH", "Cambodia"},
    {515, "KH", "Cambodia"},
    {516, "CX", "Christmas Island (Australia)"},
    {518, "CK", "Cook Islands (New Zealand)"},
    {520, "FJ", "Fiji"},
    {523, "CC", "Cocos (Keeling) Islands (Australia)"},
    {525, "ID", "Indonesia"},
    {529, "KI", "Kiribati"},
    {531, "LA", "Lao People's Democratic Republic"},
    {533, "MY", "Malaysia"},
    {536, "MP", "Northern Mariana Islands (United States of America)"},
    {538, "MH", "Marshall Islands"},
    {540, "NC", "New Caledonia (France)"},
    {542, "NU", "Niue (New Zealand)"},
    {544, "NR", "Nauru"},
    {546, "PF", "French Polynesia (France)"},
    {548, "PH", "Philippines"},
    {550, "TL", "Timor-Leste"},
    {553, "PG", "Papua New Guinea"},
    {555, "PN", "Pitcairn Island (United Kingdom)"},
    {557, "SB", "Solomon Islands"},
    {559, "AS", "American Samoa (United States of America)"},
    {561, "WS", "Samoa"},
    {563, "SG", "Singapore"},
    {564, "SG", "Singapore"},
    {565, "SG", "Singapore"},
    {566, "SG", "Singapore"},
    {567, "TH", "Thailand"},
    {570, "TO", "Tonga"},
    {572, "TV", "Tuvalu"},
    {574, "VN", "Viet Nam"},
    {576, "VU", "Vanuatu"},
    {577, "VU", "Vanuatu"},
    {578, "WF", "Wallis and Futuna Islands (France)"},

    {601, "ZA", "South Africa"},
    {603, "AO", "Angola"},
    {605, "DZ", "Algeria"},
    {607, "TF", "Saint Paul and Amsterdam Islands (France)"},
    {608, "SH", "Ascension Island (United Kingdom)"},
    {609, "BI", "Burundi"},
    {610, "BJ", "Benin"},
    {611, "BW", "Botswana"},
    {612, "CF", "Central African Republic"},
    {613, "CM", "Cameroon"},
    {615, "CG", "Congo"},
    {616, "KM", "Comoros"},
    {617, "CV", "Cabo Verde"},
    {618, "TF", "Crozet Archipelago (France)"},
    {619, "CI", "Côte d'Ivoire"},
    {620, "KM", "Comoros"},
    {621, "DJ", "Djibouti"},
    {622, "EG", "Egypt"},
    {624, "ET", "Ethiopia"},
    {625, "ER", "Eritrea"},
    {626, "GA", "Gabon"},
    {627, "GH", "Ghana"},
    {629, "GM", "Gambia"},
    {630, "GW", "Guinea-Bissau"},
    {631, "GQ", "Equatorial Guinea"},
    {632, "GN", "Guinea"},
    {633, "BF", "Burkina Faso"},
    {634, "KE", "Kenya"},
    {635, "TF", "Kerguelen Islands (France)"},
    {636, "LR", "Liberia"},
    {637, "LR", "Liberia"},
    {638, "SS", "South Sudan"},
    {642, "LY", "Libya"},
    {644, "LS", "Lesotho"},
    {645, "MU", "Mauritius"},
    {647, "MG", "Madagascar"},
    {649, "ML", "Mali"},
    {650, "MZ", "Mozambique"},
    {654, "MR", "Mauritania"},
    {655, "MW", "Malawi"},
    {656, "NE", "Niger"},
    {657, "NG", "Nigeria"},
    {659, "NA", "Namibia"},
    {660, "RE", "Réunion (France)"},
    {661, "RW", "Rwanda"},
    {662, "SD", "Sudan"},
    {663, "SN", "Senegal"},
    {664, "SC", "Seychelles"},
    {665, "SH", "Saint Helena (United Kingdom)"},
    {666, "SO", "Somalia"},
    {667, "SL", "Sierra Leone"},
    {668, "ST", "Sao Tome and Principe"},
    {669, "SZ", "Eswatini"},
    {670, "TD", "Chad"},
    {671, "TG", "Togo"},
    {672, "TN", "Tunisia"},
    {674, "TZ", "Tanzania"},
    {675, "UG", "Uganda"},
    {676, "CD", "Democratic Republic of the Congo"},
    {677, "TZ", "Tanzania"},
    {678, "ZM", "Zambia"},
    {679, "ZW", "Zimbabwe"},

    {701, "AR", "Argentina"},
    {710, "BR", "Brazil"},
    {720, "BO", "Bolivia"},
    {725, "CL", "Chile"},
    {730, "CO", "Colombia"},
    {735, "EC", "Ecuador"},
    {740, "FK", "Falkland Islands (Malvinas) (United Kingdom)"},
    {745, "GF", "French Guiana (France)"},
    {750, "GY", "Guyana"},
    {755, "PY", "Paraguay"},
    {760, "PE", "Peru"},
    {765, "SR", "Suriname"},
    {770, "UY", "Uruguay"},
    {775, "VE", "Venezuela"},
};

constexpr bool strictlySorted()
{
    for (std::size_t i = 1; i < std::size(kMidTable); ++i) {
        if (kMidTable[i - 1].mid >= kMidTable[i].mid)
            return false;
    }
    return true;
}
static_assert(strictlySorted(), "the MID table must be sorted by MID without duplicates");

constexpr bool isMidDigits(std::uint32_t mid)
{
    return mid >= 200 && mid < 800;
}

} // namespace

const char *mmsiKindName(MmsiKind kind)
{
    switch (kind) {
    case MmsiKind::Ship:
        return "Ship";
    case MmsiKind::GroupShip:
        return "Group of ships";
    case MmsiKind::CoastStation:
        return "Coast station";
    case MmsiKind::SarAircraft:
        return "SAR aircraft";
    case MmsiKind::AidToNavigation:
        return "Aid to navigation";
    case MmsiKind::AuxiliaryCraft:
        return "Craft associated with a parent ship";
    case MmsiKind::SartMobEpirb:
        return "AIS-SART / MOB / EPIRB-AIS";
    case MmsiKind::Handheld:
        return "Handheld VHF";
    case MmsiKind::Invalid:
        break;
    }
    return "Invalid";
}

FlagState flagForMid(int mid)
{
    const auto it = std::lower_bound(std::begin(kMidTable), std::end(kMidTable), mid,
                                     [](const FlagState &entry, int value) { return entry.mid < value; });
    if (it == std::end(kMidTable) || it->mid != mid)
        return {};
    return *it;
}

std::span<const FlagState> allFlagStates()
{
    return kMidTable;
}

int midOf(std::uint32_t mmsi, MmsiKind *kind)
{
    // The nine digits, leading zeros implied: d[0] is the most significant.
    std::array<std::uint32_t, 9> d{};
    MmsiKind k = MmsiKind::Invalid;
    std::uint32_t mid = 0;
    if (mmsi <= 999'999'999) {
        std::uint32_t rest = mmsi;
        for (int i = 8; i >= 0; --i) {
            d[std::size_t(i)] = rest % 10;
            rest /= 10;
        }
        const auto three = [&d](std::size_t at) { return d[at] * 100 + d[at + 1] * 10 + d[at + 2]; };
        if (d[0] >= 2 && d[0] <= 7) {
            k = MmsiKind::Ship;
            mid = three(0);
        } else if (d[0] == 0 && d[1] == 0) {
            k = MmsiKind::CoastStation;
            mid = three(2);
        } else if (d[0] == 0) {
            k = MmsiKind::GroupShip;
            mid = three(1);
        } else if (d[0] == 1 && d[1] == 1 && d[2] == 1) {
            k = MmsiKind::SarAircraft;
            mid = three(3);
        } else if (d[0] == 8) {
            k = MmsiKind::Handheld;
            mid = three(1);
        } else if (d[0] == 9 && d[1] == 9) {
            k = MmsiKind::AidToNavigation;
            mid = three(2);
        } else if (d[0] == 9 && d[1] == 8) {
            k = MmsiKind::AuxiliaryCraft;
            mid = three(2);
        } else if (d[0] == 9 && d[1] == 7 && (d[2] == 0 || d[2] == 2 || d[2] == 4)) {
            k = MmsiKind::SartMobEpirb;
        }
        if (k != MmsiKind::SartMobEpirb && k != MmsiKind::Invalid && !isMidDigits(mid)) {
            k = MmsiKind::Invalid;
            mid = 0;
        }
    }
    if (kind)
        *kind = k;
    return int(mid);
}

FlagState flagForMmsi(std::uint32_t mmsi)
{
    const int mid = midOf(mmsi);
    return mid == 0 ? FlagState{} : flagForMid(mid);
}

} // namespace sightline
